import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';

/**
 * PostgreSQL: `search_newest`, the newest matches of a tsquery looked for a window of months at a
 * time inside the server (src/search/postgres-matches.ts, docs/search.md): the window chain was one
 * round trip per window plus one for the month range, 4 to 13 statements per search; the function
 * is one. The windows are sized as the application sized them — the first one month, each next
 * one from the matches per month seen so far (× 1.25), now at most four times the months looked
 * through, everything older in one last query after an empty window, at the oldest month or past
 * 96 months — and do not overlap, so the matches, in order, are those one `order by published_on
 * desc, item_id desc limit` over every match gives.
 *
 * `plan_cache_mode = force_custom_plan`: PL/pgSQL prepares its statements, and a generic plan does
 * not know the tsquery (how many rows it matches), so it may walk the date index backwards testing
 * every row; each call is planned with its values. `jit = off`: the last query over a common word
 * is estimated expensive enough to compile, which costs more than the query. Volatile only
 * because it asks EXPLAIN for an estimate (not allowed in a stable function); it writes nothing,
 * and its windows each see the latest commits, as the application's statements did. SQLite has no
 * functions and keeps its single FTS5 scan: nothing to do there.
 */
const SEARCH_NEWEST = sql`
create or replace function search_newest(
  q tsquery, lim integer, windowed boolean, in_year integer, exclude_id integer,
  before_on text, before_id integer
) returns table (id integer, published text)
language plpgsql volatile
set plan_cache_mode = force_custom_plan
set jit = off
as $body$
#variable_conflict use_column
declare
  newest_on text;
  oldest_on text;
  newest_month integer;
  top integer;
  oldest integer;
  span integer := 1;
  from_month integer;
  found integer := 0;
  got integer;
  first_month integer;
  ids integer[];
  dates text[];
  months tsquery;
  plan json;
  expected float8;
begin
  if windowed then
    select max(d.published_on), min(d.published_on) into newest_on, oldest_on
    from search_documents d where d.published_on >= '0000-01';
  end if;
  if newest_on !~ '^[0-9]{4}-[0-9]{2}' or oldest_on !~ '^[0-9]{4}-[0-9]{2}' then
    newest_on := null;
  end if;
  if newest_on is not null then
    top := substr(newest_on, 1, 4)::integer * 12 + substr(newest_on, 6, 2)::integer - 1;
    oldest := substr(oldest_on, 1, 4)::integer * 12 + substr(oldest_on, 6, 2)::integer - 1;
    if before_on ~ '^[0-9]{4}-[0-9]{2}' then
      top := least(top, substr(before_on, 1, 4)::integer * 12 + substr(before_on, 6, 2)::integer - 1);
    end if;
    if in_year is not null then
      top := least(top, in_year * 12 + 11);
      oldest := greatest(oldest, in_year * 12);
    end if;
    newest_month := top;
  end if;
  if newest_on is null or top < oldest then
    -- One query: few matches (the application's counts say so), or no dated item.
    return query
      select d.item_id, d.published_on::text from search_documents d
      where d.tsv @@ q and (in_year is null or d.year = in_year)
        and (exclude_id is null or d.item_id <> exclude_id)
        and (before_on is null or (d.published_on, d.item_id) < (before_on, before_id))
      order by d.published_on desc, d.item_id desc limit lim;
    return;
  end if;
  while found < lim loop
    from_month := top - span + 1;
    if from_month <= oldest or span > 96 then
      -- The rest: everything older than the windows so far (and items without a month).
      return query
        select d.item_id, d.published_on::text from search_documents d
        where d.tsv @@ q and (in_year is null or d.year = in_year)
          and (exclude_id is null or d.item_id <> exclude_id)
          and (before_on is null or (d.published_on, d.item_id) < (before_on, before_id))
          and d.published_on < lpad(((top + 1) / 12)::text, 4, '0') || '-'
            || lpad(((top + 1) % 12 + 1)::text, 2, '0') || '-01'
        order by d.published_on desc, d.item_id desc limit lim - found;
      return;
    end if;
    select string_agg('''' || chr(57344) || 'm' || lpad((m / 12)::text, 4, '0')
      || lpad((m % 12 + 1)::text, 2, '0') || '''', ' | ')::tsquery
      into months from generate_series(top, from_month, -1) m;
    -- The window's matches found through the GIN index first (materialized: not by walking the
    -- date index backwards testing every row), then sorted.
    with w as materialized (
      select d.item_id, d.published_on from search_documents d
      where d.tsv @@ (q && months) and (in_year is null or d.year = in_year)
        and (exclude_id is null or d.item_id <> exclude_id)
        and (before_on is null or (d.published_on, d.item_id) < (before_on, before_id)))
    select array_agg(x.item_id), array_agg(x.published_on) into ids, dates from (
      select w.item_id, w.published_on::text from w
      order by w.published_on desc, w.item_id desc limit lim - found) x;
    got := coalesce(cardinality(ids), 0);
    if got > 0 then
      return query select * from unnest(ids, dates);
      if found = 0 then
        first_month := substr(dates[1], 1, 4)::integer * 12 + substr(dates[1], 6, 2)::integer - 1;
      end if;
    end if;
    found := found + got;
    top := from_month - 1;
    if found = 0 then
      -- Nothing yet: the matches are elsewhere in time (2016年 疫情防控). When the planner
      -- expects few matches in all (its estimate, no rows read), the last query takes them at
      -- once. Else the next window is as long as the months looked through, so a few windows
      -- (an empty one reads the GIN index only) reach them without taking years of them at once.
      if expected is null then
        execute 'explain (format json) select 1 from search_documents d where d.tsv @@ $1'
          into plan using q;
        expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
      end if;
      span := case when expected <= 4 * lim then 2147483647 else newest_month - top end;
    else
      -- Sized from the matches per month since the newest match (× 1.25), and at most four times
      -- those months: the newest month is seldom complete (this month is still running), and a
      -- window sized from its few matches, or from months before the first match, took ten times
      -- the matches wanted, each one fetched from the table.
      span := least(
        greatest(1, ceil(((first_month - top)::float8 * (lim - found) / found) * 1.25))::integer,
        4 * (first_month - top));
    end if;
  end loop;
end
$body$`;

export function searchNewestMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await SEARCH_NEWEST.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`drop function if exists search_newest(tsquery, integer, boolean, integer, integer, text, integer)`.execute(
        db,
      );
    },
  };
}
