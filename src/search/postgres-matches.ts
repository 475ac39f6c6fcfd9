import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cachedCounts } from './count-cache.ts';
import { filterLexemes, monthLexeme, monthNumber, monthStart, quoteLexeme } from './postgres-facets.ts';
import { type ParsedQuery, toTsQuery } from './query.ts';
import { type Candidate, type MatchSource, RANK_LIMITS } from './ranking.ts';
import { storedTexts } from './stored-texts.ts';
import type { SearchQuery } from './types.ts';

/**
 * The matches of a parsed query on PostgreSQL: `tsv @@ tsquery`, the filters as facet lexemes of
 * the same tsquery (postgres-facets.ts), read through the GIN index only.
 *
 * The newest matches are looked for a window of months at a time, newest first: the tsquery is
 * AND-ed with the months' lexemes, so GIN walks the short posting lists of a few months and skips
 * through the word's long one (its “fast scan”), and only the window's matches are fetched and
 * sorted. The first window is one month; each next one is sized from the matches per month seen
 * so far, so a common word takes one or two windows; after a window with no match, or when the
 * next would reach the oldest month, the last query takes everything older, without months. A query whose groups' counts (counted for ranking anyway, and
 * remembered) say it has at most a few times the matches wanted is one query. Windows do not overlap and go back in time, so the matches
 * they give, in order, are the newest overall — the same as one `order by … limit` over all.
 */
const MAX_WINDOW_MONTHS = 96;
/** how much more than the expected need a window covers */
const MARGIN = 1.25;
/** a query whose groups match at most this many times the matches wanted is one query */
const ONE_QUERY_TIMES = 4;

export function postgresMatches(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  query: SearchQuery,
  op: '&' | '|',
  exclude?: number,
  counts?: (cap: number) => Promise<number[]>,
): MatchSource<Candidate> {
  const facets = filterLexemes(query).map(quoteLexeme);
  const base = [`(${toTsQuery(parsed, op)})`, ...facets];
  const columns: RawBuilder<unknown>[] = [];
  if (query.year !== undefined) columns.push(sql`and d.year = ${query.year}`);
  if (exclude !== undefined) columns.push(sql`and d.item_id <> ${exclude}`);

  async function select(
    months: readonly number[],
    limit: number,
    conditions: RawBuilder<unknown>[],
  ): Promise<Candidate[]> {
    const lexemes = months.map((m) => quoteLexeme(monthLexeme(m)));
    const tsquery = [...base, ...(lexemes.length > 0 ? [`(${lexemes.join(' | ')})`] : [])].join(' & ');
    // A window's matches are found first (materialized: through the GIN index, not by walking the
    // date index backwards testing every row), then sorted; the last query is left to the planner.
    const where = sql`d.tsv @@ ${tsquery}::tsquery ${sql.join([...columns, ...conditions], sql` `)}`;
    const { rows } = await (months.length === 0
      ? sql<{ id: number; publishedOn: string }>`
          select d.item_id as id, d.published_on as "publishedOn" from search_documents d
          where ${where} order by d.published_on desc, d.item_id desc limit ${limit}`
      : sql<{ id: number; publishedOn: string }>`
          with w as materialized (select d.item_id, d.published_on from search_documents d where ${where})
          select item_id as id, published_on as "publishedOn" from w
          order by published_on desc, item_id desc limit ${limit}`
    ).execute(db);
    return rows.map((r) => ({ id: Number(r.id), publishedOn: r.publishedOn }));
  }

  const groupCounts = counts ?? groupCounter(db, parsed);

  return {
    async newest(limit, before) {
      const older: RawBuilder<unknown>[] =
        before === undefined
          ? []
          : [sql`and (d.published_on, d.item_id) < (${before.publishedOn}, ${before.id})`];
      // At most a few windows' worth of matches (the groups' counts, which ranking needs anyway,
      // remembered): one query reads them all at less cost than several windows.
      const counts = await groupCounts(RANK_LIMITS.probeCap);
      const bound = op === '&' ? Math.min(...counts) : counts.reduce((a, b) => a + b, 0);
      const range =
        bound <= ONE_QUERY_TIMES * limit ? undefined : await monthRange(db, query.year, before?.publishedOn);
      if (!range) return select([], limit, older);
      const found: Candidate[] = [];
      let top = range.newest;
      let span = 1;
      while (found.length < limit) {
        const need = limit - found.length;
        const from = top - span + 1;
        if (from <= range.oldest || span > MAX_WINDOW_MONTHS) {
          // The rest: everything older than the windows so far (and items without a month).
          found.push(
            ...(await select([], need, [...older, sql`and d.published_on < ${monthStart(top + 1)}`])),
          );
          break;
        }
        const months = Array.from({ length: span }, (_, k) => top - k);
        const rows = await select(months, need, older);
        found.push(...rows);
        top = from - 1;
        // No match in the window: the matches are elsewhere in time (2016年 疫情防控), and more
        // windows would each intersect long lists for nothing — the last query takes the rest.
        span =
          rows.length === 0
            ? Number.POSITIVE_INFINITY
            : Math.max(1, Math.ceil(((span * (limit - found.length)) / rows.length) * MARGIN));
      }
      return found;
    },
    groupCounts,
    texts: (ids) => storedTexts(db, 'postgres', ids),
  };
}

/**
 * Each group's number of matches alone (no filters), counted up to `cap` and remembered
 * (count-cache.ts); within one search, asked once per cap: a search's sources (its groups AND-ed
 * and OR-ed) share one counter, so the cache's instance is read once, not on every call.
 */
export function groupCounter(db: Kysely<Database>, parsed: ParsedQuery): (cap: number) => Promise<number[]> {
  const asked = new Map<number, Promise<number[]>>();
  return (cap) => {
    let counts = asked.get(cap);
    if (!counts) {
      counts = cachedCounts(
        db,
        parsed.groups.map((g) => toTsQuery({ groups: [g] })),
        cap,
        RANK_LIMITS.cacheMs,
        async (tsquery) => {
          const { rows } = await sql<{ n: number }>`
            select count(*) as n from (select 1 from search_documents where tsv @@ ${tsquery}::tsquery limit ${cap}) c`.execute(
            db,
          );
          return Number(rows[0]?.n ?? 0);
        },
      );
      asked.set(cap, counts);
    }
    return counts;
  };
}

/**
 * The months to look through, newest and oldest (two index lookups), narrowed to the year and
 * to before `before`; undefined when the index is empty or holds no dated item.
 */
async function monthRange(
  db: Kysely<Database>,
  year: number | undefined,
  before: string | undefined,
): Promise<{ newest: number; oldest: number } | undefined> {
  const { rows } = await sql<{ newest: string | null; oldest: string | null }>`
    select max(published_on) as newest, min(published_on) as oldest from search_documents
    where published_on >= '0000-01'`.execute(db);
  const bounds = rows[0];
  if (!bounds?.newest || !bounds.oldest) return undefined;
  let newest = monthNumber(bounds.newest);
  let oldest = monthNumber(bounds.oldest);
  if (before !== undefined) newest = Math.min(newest, monthNumber(before));
  if (year !== undefined) {
    newest = Math.min(newest, year * 12 + 11);
    oldest = Math.max(oldest, year * 12);
  }
  if (Number.isNaN(newest) || Number.isNaN(oldest) || newest < oldest) return undefined;
  return { newest, oldest };
}
