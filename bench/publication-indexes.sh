#!/bin/bash
# The backend's CPU per publication COPYed into `publications` with its indexes as they are, and
# with each replaced or dropped (docs/scale.md, "Partial indexes, measured by the backend's CPU").
# Each COPY is in a rolled-back transaction; the CPU is the backend's utime + stime read from
# /proc (so psql must run on the database's machine). Usage:
#   bench/publication-indexes.sh postgres://postgres@127.0.0.1:5432/DB SCHEMA [ROWS]
# SCHEMA: a migrated schema (e.g. a kept bench schema) with an agency of id 1.
set -euo pipefail
URL=$1 SCHEMA=$2 ROWS=${3:-300000}
FILE=$(mktemp /tmp/publications-XXXXXX.tsv)
trap 'rm -f "$FILE"' EXIT
COLUMNS="agency_id, ref, title, category, channel, formed_on, published_on, is_policy_document, is_interpretation, is_meeting, is_online_interview"
# the records' shape: 0.5% with a ref (policy documents), no item, no interpretation
psql "$URL" -q -v ON_ERROR_STOP=1 -c "\\copy (select 1, case when g % 200 = 0 then 'policy-' || g end,
  '基准市主题通知（2021-' || lpad(g::text, 7, '0') || '）', 'a20.' || (1 + g % 15),
  (array['website','website','website','website','website','website','weibo','wechat','gazette','app'])[1 + g % 10],
  to_char(date '2021-01-01' + (g * 365 / $ROWS) - (g % 10), 'YYYY-MM-DD'),
  to_char(date '2021-01-01' + (g * 365 / $ROWS), 'YYYY-MM-DD'), (g % 200 = 0)::int, 0, 0, 0
  from generate_series(1, $ROWS) g) to '$FILE'"
run() {
  local out c0 c1
  out=$(psql "$URL" -q -v ON_ERROR_STOP=1 <<SQL 2>&1
set search_path = $SCHEMA;
select pg_backend_pid() as pid \\gset
\\setenv BPID :pid
begin;
$2
\\! echo cpu0 \$(awk '{print \$14 + \$15}' /proc/\$BPID/stat)
\\copy publications ($COLUMNS) from '$FILE'
\\! echo cpu1 \$(awk '{print \$14 + \$15}' /proc/\$BPID/stat)
rollback;
SQL
  )
  c0=$(echo "$out" | awk '/cpu0/ {print $2}')
  c1=$(echo "$out" | awk '/cpu1/ {print $2}')
  printf '%-48s %6.1f µs/row  (load %s)\n' "$1" "$(echo "($c1 - $c0) * 10000 / $ROWS" | bc -l)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}
partial="drop index publications_item, publications_interprets, publications_agency_ref;
create index publications_item on publications (item_id) where item_id is not null;
create index publications_interprets on publications (interprets_id) where interprets_id is not null;"
run "as migrated" ""
for index in publications_agency_channel publications_agency_channel_formed publications_agency_published \
  publications_agency_ref publications_interprets publications_item; do
  run "without $index" "drop index $index;"
done
run "without the agency foreign key" "alter table publications drop constraint publications_agency_id_fkey;"
run "item, interprets, ref partial" "$partial
create unique index publications_agency_ref on publications (agency_id, ref) where ref is not null;"
run "item, interprets, ref full (as before 0044)" "drop index publications_item, publications_interprets, publications_agency_ref;
create index publications_item on publications (item_id);
create index publications_interprets on publications (interprets_id);
create unique index publications_agency_ref on publications (agency_id, ref);"
run "the primary key only" "drop index publications_agency_channel, publications_agency_channel_formed,
  publications_agency_published, publications_agency_ref, publications_interprets, publications_item;"
