import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { searchNewestMigration } from './0046-search-newest.ts';

/**
 * PostgreSQL: `search_newest` (0046) with its planner's estimate bounded, for the queries tied to a
 * year that made the p95 of a search's buffers (docs/search.md, “The queries tied to a year”).
 * After an empty newest month, 0046 asked EXPLAIN for an estimate of all the matches and, at most
 * 4 × the matches wanted, took them all in one last query: `2016年 疫情防控` was estimated at 589 (the
 * words' frequencies multiplied; these words go together) and fetched 8,529 rows for 1,001. Now an
 * estimate of at most 2 × is taken at once only if there are that few: the query fetches at most
 * 2 × + 1 rows in no order, and when it finds more, the windows go on. While no match has been
 * found, a window of several months is first only probed, `search_newest_any`: whether it has a
 * match at all — the GIN index and the first match's page, not every match's row. An empty window
 * is skipped as before (the next as long as the months looked through); a window with a match is
 * halved down to its newest month with a match, which is then the next window, and the windows
 * after it are sized from the matches per month as before. The windows still do not overlap and go
 * back in time, so the matches, in order, are those one `order by published_on desc, item_id desc
 * limit` over every match gives. Within a year (`year` filter), the windows end at the year's first
 * month and the last query takes only the year's items without a month (`published_on` from the
 * year on, a range of the date index): it fetched every match of every year to keep the year's.
 *
 * `search_newest_any` runs with `enable_seqscan = off`: an `exists` over a window the planner
 * thinks large would otherwise scan the table until a match, all of it when the window is empty;
 * the GIN index gives a bitmap whatever the estimate.
 */
/** The functions' texts as this migration created them (0049 derives its own from them). */
export const SEARCH_NEWEST_ANY_0047 = `
create or replace function search_newest_any(
  q tsquery, top integer, bottom integer, in_year integer, exclude_id integer,
  before_on text, before_id integer
) returns boolean
language plpgsql volatile
set plan_cache_mode = force_custom_plan
set jit = off
set enable_seqscan = off
as $body$
#variable_conflict use_column
declare
  months tsquery;
begin
  select string_agg('''' || chr(57344) || 'm' || lpad((m / 12)::text, 4, '0')
    || lpad((m % 12 + 1)::text, 2, '0') || '''', ' | ')::tsquery
    into months from generate_series(top, bottom, -1) m;
  return exists (
    select 1 from search_documents d
    where d.tsv @@ (q && months) and (in_year is null or d.year = in_year)
      and (exclude_id is null or d.item_id <> exclude_id)
      and (before_on is null or (d.published_on, d.item_id) < (before_on, before_id)));
end
$body$`;

export const SEARCH_NEWEST_0047 = `
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
  lo integer;
  hi integer;
  mid integer;
  plan json;
  expected float8;
  total integer;
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
    if found = 0 and span > 1 and expected is null then
      -- No match yet. When the planner expects few matches in all (EXPLAIN, no rows read), they are
      -- taken at once, as in 0046 — but at most 2 × the matches wanted, in no order: the estimate
      -- multiplies the words' frequencies, and words that go together (2016年 疫情防控: 589
      -- expected, 8,529 found) made the one query fetch every match.
      execute 'explain (format json) select 1 from search_documents d where d.tsv @@ $1'
        into plan using q;
      expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
      if expected <= 2 * lim then
        with w as materialized (
          select d.item_id, d.published_on from search_documents d
          where d.tsv @@ q and (in_year is null or d.year = in_year)
            and (exclude_id is null or d.item_id <> exclude_id)
            and (before_on is null or (d.published_on, d.item_id) < (before_on, before_id))
            and d.published_on < lpad(((top + 1) / 12)::text, 4, '0') || '-'
              || lpad(((top + 1) % 12 + 1)::text, 2, '0') || '-01'
          limit 2 * lim + 1)
        select (select count(*) from w), array_agg(x.item_id), array_agg(x.published_on)
          into total, ids, dates from (
          select w.item_id, w.published_on::text from w
          order by w.published_on desc, w.item_id desc limit lim) x;
        if total <= 2 * lim then
          if total > 0 then
            return query select * from unnest(ids, dates);
          end if;
          return;
        end if;
      end if;
    end if;
    if found = 0 and span > 1 then
      -- No match yet, a window of several months: first only whether it has one (the GIN index and
      -- the first match's page, not every match's row); if so, halve it down to its newest month
      -- with a match, and that month is the next window. A year's dense matches (2016年 疫情防控)
      -- are then fetched a month or two at a time, not all at once.
      lo := case when span > 96 then oldest else greatest(from_month, oldest) end;
      if search_newest_any(q, top, lo, in_year, exclude_id, before_on, before_id) then
        hi := top;
        while hi > lo loop
          mid := (hi + lo + 1) / 2;
          if search_newest_any(q, hi, mid, in_year, exclude_id, before_on, before_id) then
            lo := mid;
          else
            hi := mid - 1;
          end if;
        end loop;
        top := hi;
        span := 1;
        from_month := top;
      elsif from_month > oldest and span <= 96 then
        -- Empty: the next window is as long as the months looked through (1, 1, 2, 4, 8 …).
        top := from_month - 1;
        span := newest_month - top;
        continue;
      end if;
    end if;
    if in_year is not null and from_month < oldest and top >= oldest then
      -- Within a year, the window ends at its first month: the last query below, without months,
      -- then reads only the year's items without a month (a range of the date index), where it
      -- fetched every match of every year to keep that year's (疫情防控 in 2022: 9,353 heap blocks
      -- for 407 rows).
      from_month := oldest;
      span := top - oldest + 1;
    end if;
    if from_month <= oldest and (in_year is null or top < oldest) or span > 96 then
      -- The rest: everything older than the windows so far (and items without a month).
      return query
        select d.item_id, d.published_on::text from search_documents d
        where d.tsv @@ q and (in_year is null or d.year = in_year)
          and (in_year is null or d.published_on >= lpad(in_year::text, 4, '0'))
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
      -- Nothing in this month: the next window (probed first) is as long as the months looked
      -- through.
      span := newest_month - top;
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

export function searchNewestProbeMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql.raw(SEARCH_NEWEST_ANY_0047).execute(db);
      await sql.raw(SEARCH_NEWEST_0047).execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await searchNewestMigration(dialect).up(db);
      await sql`drop function if exists search_newest_any(tsquery, integer, integer, integer, integer, text, integer)`.execute(
        db,
      );
    },
  };
}
