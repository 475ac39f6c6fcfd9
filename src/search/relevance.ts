import { RECENCY_DAYS, TITLE_WEIGHT } from './documents.ts';
import type { ParsedQuery } from './query.ts';

/**
 * Relevance of one stored item to a query, computed from its text (the same on both databases):
 * BM25 over the query's groups, where a group's frequency is its occurrences in the title times
 * TITLE_WEIGHT plus its occurrences in the body (so a title match outweighs several body matches),
 * times a mild boost for recent items, 1 + (years since 2000) / 50.
 */

const K1 = 1.2;
const B = 0.75;
const DAY_MS = 86_400_000;
const DAY_2000 = Date.UTC(2000, 0, 1) / DAY_MS;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The recency boost of a publication date. */
export function recencyBoost(publishedOn: string): number {
  const days = Date.parse(`${publishedOn.slice(0, 10)}T00:00:00Z`) / DAY_MS - DAY_2000;
  return Number.isFinite(days) ? Math.max(0.1, 1 + days / RECENCY_DAYS) : 1;
}

function occurrences(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/**
 * A group's matcher: its non-overlapping matches in a text, left to right, as its pattern finds
 * them. A group of one word is a literal, counted with indexOf (what the pattern would match);
 * a group of several needs its first word in the text to match at all, which indexOf tells first.
 */
type GroupMatcher = (text: string) => number;

const groupPatterns = (parsed: ParsedQuery): RegExp[] =>
  parsed.groups.map((g) => new RegExp(g.words.map(escapeRegExp).join('[^\\p{L}\\p{N}]{0,3}'), 'gu'));

function literalCount(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

function groupMatchers(parsed: ParsedQuery): GroupMatcher[] {
  const patterns = groupPatterns(parsed);
  return parsed.groups.map((g, i) => {
    const pattern = patterns[i];
    const [first = ''] = g.words;
    if (first === '') return (text) => occurrences(text, pattern);
    if (g.words.length === 1) return (text) => literalCount(text, first);
    return (text) => (text.includes(first) ? occurrences(text, pattern) : 0);
  });
}

/** How many of a query's groups a text holds (matched as the scorer matches them). */
export function groupsIn(parsed: ParsedQuery) {
  const patterns = groupPatterns(parsed);
  return (text: string): number => {
    const normalized = text.normalize('NFKC').toLowerCase();
    return patterns.filter((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(normalized);
    }).length;
  };
}

/**
 * How many of a query's groups a title and body hold (at least one: the index matched one, if
 * cut another way), for ranking the items that hold only some of them.
 */
export function groupsHeld(parsed: ParsedQuery) {
  const count = groupsIn(parsed);
  return (title: string, body: string): number => Math.max(1, count(`${title}\n${body}`));
}

/**
 * A scorer for one query: `idf` per group, `averageLength` of the bodies being compared, `every`
 * when every group matched (AND; OR for related items).
 * Texts are matched NFKC-normalised and lower-cased, as the index saw them.
 */
export function makeScorer(
  parsed: ParsedQuery,
  idf: readonly number[],
  averageLength: number,
  every: boolean,
) {
  const matchers = groupMatchers(parsed);
  return (title: string, body: string, publishedOn: string): number => {
    const t = title.normalize('NFKC').toLowerCase();
    const b = body.normalize('NFKC').toLowerCase();
    const norm = 1 - B + (B * body.length) / Math.max(1, averageLength);
    let score = 0;
    for (const [i, count] of matchers.entries()) {
      const frequency = TITLE_WEIGHT * count(t) + count(b);
      // With AND the index matched every group (a word cut another way, say): count it as half.
      const f = frequency > 0 ? frequency : every ? 0.5 : 0;
      if (f === 0) continue;
      score += (idf[i] ?? 1) * ((f * (K1 + 1)) / (f + K1 * norm));
    }
    return score * recencyBoost(publishedOn);
  };
}
