import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cachedCounts } from './count-cache.ts';
import { filterLexemes, quoteLexeme } from './postgres-facets.ts';
import { type ParsedQuery, toTsQuery } from './query.ts';
import { type Candidate, type MatchSource, RANK_LIMITS, type StoredText } from './ranking.ts';
import { storedTexts } from './stored-texts.ts';
import type { SearchQuery } from './types.ts';

/**
 * The matches of a parsed query on PostgreSQL: `tsv @@ tsquery`, the filters as facet lexemes of
 * the same tsquery (postgres-facets.ts), read through the GIN index only.
 *
 * The newest matches are looked for a window of months at a time, newest first, by the function
 * `search_newest` (migration 0046) in one round trip: the tsquery is AND-ed with the months'
 * lexemes, so GIN walks the short posting lists of a few months and skips through the word's long
 * one (its “fast scan”), and only the window's matches are fetched and sorted. The first window is
 * one month; each next one is sized from the matches per month seen so far, so a common word takes
 * one or two windows; after a window with no match, or when the next would reach the oldest
 * month, the last query takes everything older, without months. A query whose groups' counts
 * (counted for ranking anyway, and remembered) say it has at most a few times the matches wanted
 * is one query. Windows do not overlap and go back in time, so the matches they give, in order,
 * are the newest overall — the same as one `order by … limit` over all.
 *
 * The same statement returns the stored texts ranking will read (the newest `window` matches, or
 * the page's with `sort: 'date'`), which were a second round trip: `texts` answers from them and
 * reads only what is missing. A search's AND and OR sources share one `TextStore`, so the OR
 * query does not read again the texts of the items holding every group.
 */
/**
 * A query whose groups match at most this many times the matches wanted is one query. The one
 * query fetches the row of every match to sort them (垃圾分类 at 200,000 items: 3,579 rows for
 * 1,001), the windows about 1.1–1.3 times the matches wanted plus a GIN scan each; both are one
 * round trip (search_newest), so the one query pays only near the limit: 4 read 2,804 buffers per
 * bench search (p95 4,971), 2 read 2,727 (p95 3,523), 1 2,761, 3 2,753 (docs/search.md).
 */
const ONE_QUERY_TIMES = 2;

/** Stored texts already read during one search, by item id. */
export type TextStore = Map<number, StoredText>;

export function postgresMatches(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  query: SearchQuery,
  op: '&' | '|',
  exclude?: number,
  counts?: (cap: number) => Promise<number[]>,
  store: TextStore = new Map(),
): MatchSource<Candidate> {
  const tsquery = [`(${toTsQuery(parsed, op)})`, ...filterLexemes(query).map(quoteLexeme)].join(' & ');
  const groupCounts = counts ?? groupCounter(db, parsed);
  // How many of the newest matches ranking reads the texts of (byRelevance's window, or a page by
  // date), beyond those already in the store — the items an OR source shares with the AND one.
  const textsWanted = query.sort === 'date' ? query.offset + query.limit : RANK_LIMITS.window;

  return {
    async newest(limit, before) {
      // At most a few windows' worth of matches (the groups' counts, which ranking needs anyway,
      // remembered): one query reads them all at less cost than several windows.
      const counts = await groupCounts(RANK_LIMITS.probeCap);
      const bound = op === '&' ? Math.min(...counts) : counts.reduce((a, b) => a + b, 0);
      const known = [...store.keys()];
      const { rows } = await sql<{
        id: number;
        publishedOn: string;
        title: string | null;
        body: string | null;
      }>`
        select n.id, n.published as "publishedOn", t.title, t.body_text as body
        from search_newest(${tsquery}::tsquery, ${limit}::integer, ${bound > ONE_QUERY_TIMES * limit},
          ${query.year ?? null}::integer, ${exclude ?? null}::integer,
          ${before?.publishedOn ?? null}::text, ${before?.id ?? null}::integer) with ordinality n
        left join lateral (
          -- offset 0: planned on its own, so a row past the texts wanted is not looked up
          select s.title, s.body_text from search_texts s
          where n.ordinality <= ${textsWanted + known.length} and n.id <> all(${known}::integer[])
            and s.item_id = n.id offset 0) t on true
        order by n.ordinality`.execute(db);
      const found: Candidate[] = [];
      for (const r of rows) {
        const id = Number(r.id);
        found.push({ id, publishedOn: r.publishedOn });
        if (r.title !== null && r.body !== null) store.set(id, { title: r.title, body: r.body });
      }
      return found;
    },
    groupCounts,
    async texts(ids) {
      const missing = ids.filter((id) => !store.has(id));
      for (const [id, text] of await storedTexts(db, 'postgres', missing)) store.set(id, text);
      const out = new Map<number, StoredText>();
      for (const id of ids) {
        const text = store.get(id);
        if (text) out.set(id, text);
      }
      return out;
    },
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
