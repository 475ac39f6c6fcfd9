import { highlightText, snippet } from './highlight.ts';
import { type ParsedQuery, queryMarks } from './query.ts';
import { chooseRelated, relatedTerms, termsQuery } from './related.ts';
import { groupsHeld, makeScorer } from './relevance.ts';
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

interface Ranked<C extends Candidate> {
  c: C;
  score: number;
  partial: boolean;
}

/**
 * Ranks one page of a parsed query's matches and turns it into hits. With `partial` (the same
 * query with its groups OR-ed) and more than one group, when fewer than a window of items hold
 * every group, the items holding only some follow them: most groups first, then by score (by
 * date with `sort: 'date'`), so a long question still finds what its words find.
 */
export async function rankPage<C extends Candidate>(
  source: MatchSource<C>,
  parsed: ParsedQuery,
  query: SearchQuery,
  every = true,
  partial?: MatchSource<C>,
): Promise<SearchResult> {
  const { window, totalCap } = RANK_LIMITS;
  // One scan gives the window and the total: the newest matches, up to one more than the cap.
  const matches = await source.newest(Math.max(window, totalCap + 1));
  let partials: C[] = [];
  let capped = matches.length > totalCap;
  if (partial && parsed.groups.length > 1 && matches.length < window) {
    const all = new Set(matches.map((c) => c.id));
    const some = await partial.newest(totalCap + 1);
    partials = some.filter((c) => !all.has(c.id)).slice(0, totalCap + 1 - matches.length);
    capped = some.length > totalCap;
  }
  const count = matches.length + partials.length;
  const total = Math.min(count, totalCap);
  const result = (hits: SearchHit[]): SearchResult => ({
    total,
    ...(capped ? { totalCapped: true } : {}),
    hits,
    ...(partials.length > 0 ? { partialTotal: Math.min(partials.length, totalCap - matches.length) } : {}),
    ...(parsed.dropped ? { dropped: parsed.dropped } : {}),
    ...(query.withMatchedIds
      ? { matchedIds: [...matches, ...partials].slice(0, totalCap).map((c) => c.id) }
      : {}),
  });
  if (count === 0 || (!capped && query.offset >= count)) return result([]);

  const texts = new Map<number, StoredText>();
  const ranked =
    query.sort === 'date'
      ? [...byDate(matches, false), ...byDate(partials, true)]
      : [
          ...(await byRelevance(source, parsed, matches, texts, every, false)),
          ...(await byRelevance(source, parsed, partials, texts, every, true)),
        ];
  const need = query.offset + query.limit;
  if (need > ranked.length && capped && partials.length === 0) {
    const older = await source.newest(need - matches.length, matches[matches.length - 1]);
    ranked.push(...byDate(older, false));
  }
  const page = ranked.slice(query.offset, need);
  const missing = page.map((r) => r.c.id).filter((id) => !texts.has(id));
  for (const [id, text] of await source.texts(missing)) texts.set(id, text);
  const marks = queryMarks(parsed);
  return result(
    page.flatMap(({ c, score, partial: some }) => {
      const text = texts.get(c.id);
      if (!text) return [];
      const hit: SearchHit = {
        id: c.id,
        title: text.title,
        titleHtml: highlightText(text.title, marks),
        snippetHtml: snippet(text.body, marks),
        score: Number(score.toPrecision(6)),
        publishedOn: c.publishedOn,
      };
      return [some ? { ...hit, partial: true } : hit];
    }),
  );
}

const byDate = <C extends Candidate>(list: readonly C[], partial: boolean): Ranked<C>[] =>
  list.map((c) => ({ c, score: 0, partial }));

/**
 * The newest window of `list` scored from their texts (loaded into `texts`), best first — with
 * `partial`, the most groups held first — then the older ones by date.
 */
async function byRelevance<C extends Candidate>(
  source: MatchSource<C>,
  parsed: ParsedQuery,
  list: readonly C[],
  texts: Map<number, StoredText>,
  every: boolean,
  partial: boolean,
): Promise<Ranked<C>[]> {
  if (list.length === 0) return [];
  const { window, probeCap } = RANK_LIMITS;
  const newest = list.slice(0, window);
  for (const [id, text] of await source.texts(newest.map((c) => c.id))) texts.set(id, text);
  const counts = await source.groupCounts(probeCap);
  const idf = counts.map((n) => Math.log(1 + probeCap / (n + 0.5)));
  const lengths = newest.map((c) => texts.get(c.id)?.body.length ?? 0);
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const score = makeScorer(parsed, idf, averageLength, every && !partial);
  const held = groupsHeld(parsed);
  const scored = newest.map((c) => {
    const text = texts.get(c.id) ?? { title: '', body: '' };
    return {
      c,
      score: score(text.title, text.body, c.publishedOn),
      partial,
      groups: partial ? held(text.title, text.body) : 0,
    };
  });
  scored.sort(
    (a, b) =>
      b.groups - a.groups ||
      b.score - a.score ||
      b.c.publishedOn.localeCompare(a.c.publishedOn) ||
      b.c.id - a.c.id,
  );
  return [
    ...scored.map(({ c, score, partial }) => ({ c, score, partial })),
    ...byDate(list.slice(window), partial),
  ];
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
