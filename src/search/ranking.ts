import { highlightText, snippet } from './highlight.ts';
import { type ParsedQuery, queryMarks } from './query.ts';
import { chooseRelated, relatedTerms, termsQuery } from './related.ts';
import { makeScorer } from './relevance.ts';
import type { SearchHit, SearchQuery, SearchResult } from './types.ts';

/**
 * One page of results, the same way on both databases, with bounded work:
 *
 * 1. the newest matches come from the full-text index, up to one more than `totalCap` (a scan
 *    that stops there, and the total: counted up to `totalCap`, `totalCapped` says “more than”);
 * 2. the newest `window` of them are scored here from their stored texts (relevance.ts: BM25 of
 *    the query's words in the title, weighted ten times, and the body, with an idf estimated from
 *    each word's count up to `probeCap`), times the recency boost — most queries have fewer
 *    matches than the window, and their ranking is exact;
 * 3. older matches follow by date.
 * FTS5's bm25() and ts_rank_cd would each read every item holding a query word — tens of
 * milliseconds for a common word in a million items (bench:search) — so they are not used.
 */
export const RANK_LIMITS = {
  /** this many newest matches are ranked by relevance */
  window: 400,
  /** the total is counted up to here */
  totalCap: 1_000,
  /** a word's count (for its idf) is counted up to here */
  probeCap: 20_000,
  /** how long a word's count is remembered */
  cacheMs: 10 * 60_000,
};

/** A match, as the index gives it: newest first. */
export interface Candidate {
  id: number;
  publishedOn: string;
}

/** What a database's index answers for one parsed query (with the filters applied). */
export interface MatchSource<C extends Candidate> {
  /** at most `limit` matches, newest first; only those older than `before` when given */
  newest(limit: number, before?: C): Promise<C[]>;
  /** each group's number of matches alone, counted up to `cap` (remembered, see RANK_LIMITS) */
  groupCounts(cap: number): Promise<number[]>;
  /** the stored title and body of matches, by item id */
  texts(ids: readonly number[]): Promise<Map<number, StoredText>>;
}

export interface StoredText {
  title: string;
  body: string;
}

/** Ranks one page of a parsed query's matches and turns it into hits. */
export async function rankPage<C extends Candidate>(
  source: MatchSource<C>,
  parsed: ParsedQuery,
  query: SearchQuery,
  every = true,
): Promise<SearchResult> {
  const { window, totalCap, probeCap } = RANK_LIMITS;
  // One scan gives the window and the total: the newest matches, up to one more than the cap.
  const matches = await source.newest(Math.max(window, totalCap + 1));
  const total = Math.min(matches.length, totalCap);
  const capped = matches.length > totalCap;
  const result = (hits: SearchHit[]): SearchResult =>
    capped ? { total, totalCapped: true, hits } : { total, hits };
  if (matches.length === 0 || (!capped && query.offset >= matches.length)) return result([]);
  const newest = matches.slice(0, window);

  const texts = await source.texts(newest.map((c) => c.id));
  const counts = await source.groupCounts(probeCap);
  const idf = counts.map((n) => Math.log(1 + probeCap / (n + 0.5)));
  const lengths = [...texts.values()].map((t) => t.body.length);
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const score = makeScorer(parsed, idf, averageLength, every);
  const scored = newest.map((c) => {
    const text = texts.get(c.id) ?? { title: '', body: '' };
    return { c, score: score(text.title, text.body, c.publishedOn) };
  });
  scored.sort(
    (a, b) => b.score - a.score || b.c.publishedOn.localeCompare(a.c.publishedOn) || b.c.id - a.c.id,
  );
  const need = query.offset + query.limit;
  if (need > newest.length) {
    const older = matches.slice(window, need);
    if (need > matches.length && matches.length > totalCap) {
      older.push(...(await source.newest(need - matches.length, matches[matches.length - 1])));
    }
    for (const [id, text] of await source.texts(older.map((c) => c.id))) texts.set(id, text);
    scored.push(...older.map((c) => ({ c, score: 0 })));
  }
  const marks = queryMarks(parsed);
  return result(
    scored.slice(query.offset, need).flatMap(({ c, score }) => {
      const text = texts.get(c.id);
      if (!text) return [];
      return [
        {
          id: c.id,
          title: text.title,
          titleHtml: highlightText(text.title, marks),
          snippetHtml: snippet(text.body, marks),
          score: Number(score.toPrecision(6)),
          publishedOn: c.publishedOn,
        },
      ];
    }),
  );
}

/**
 * Related items: the item's candidate terms are counted (remembered like any word's count), the
 * distinctive ones chosen (related.ts), and their OR ranked as a search is.
 */
export async function rankRelated<C extends Candidate>(
  sourceOf: (parsed: ParsedQuery) => MatchSource<C>,
  title: string,
  bodyText: string,
  query: SearchQuery,
): Promise<SearchHit[]> {
  const candidates = relatedTerms(title, bodyText);
  if (candidates.length === 0) return [];
  const counts = await sourceOf(termsQuery(candidates.map((c) => c.term))).groupCounts(RANK_LIMITS.probeCap);
  const parsed = chooseRelated(candidates, counts, RANK_LIMITS.probeCap);
  if (parsed.groups.length === 0) return [];
  return (await rankPage(sourceOf(parsed), parsed, query, false)).hits;
}
