import { LRUCache } from 'lru-cache';
import { segmentWords, splitAlternatives, type Word } from './segment.ts';
import { isStopWord } from './stop-words.ts';

/**
 * A search box's text → groups of index terms, all of which must match (AND).
 *
 * - `"…"` (or “…”) is a phrase: its terms next to each other, in order.
 * - A Han word of three or more characters is a phrase of its two-character pieces (the way the
 *   index stores it), so 城乡居民 matches only where the four characters stand together — or,
 *   for a word jieba may cut in two in a document, the pieces' phrase (婚姻登记: 婚姻 登记).
 * - Single Han characters standing together (a name jieba does not know, 威临管发) are a phrase.
 * - Letters and digits joined by `/ - . :` or following a word with letters are one phrase:
 *   `GB/T 9704` → gb t 9704, `ISO 9001` → iso 9001 (but `2021 2022` are two terms).
 * - A number followed by Han characters is a phrase: `2021年` (the term 2021年, see segment.ts)
 *   matches 2021年 and 2021年度, `2021年度` matches 2021年度 only.
 * Everything else in the text is a separator, so no input can inject FTS5 or tsquery syntax.
 */
export interface QueryGroup {
  /** index terms that must stand next to each other, in order (one term: a plain word) */
  terms: string[];
  /** other term sequences that match the group as well (a long word cut differently), OR-ed */
  alternatives?: string[][];
  /** the group's words (normalised text) as typed, to mark in snippets (separators may stand between them) */
  words: string[];
}

export interface ParsedQuery {
  groups: QueryGroup[];
  /** stop words left out of what was typed (stop-words.ts), to say so */
  dropped?: string[];
}

/** More groups than this are dropped: nobody types them, and they would only slow the query. */
export const MAX_GROUPS = 16;

const QUOTES = /[“”„‟＂「」『』]/g;

function group(words: Word[]): QueryGroup {
  const g: QueryGroup = { terms: words.flatMap((w) => w.terms), words: words.map((w) => w.text) };
  if (words.length === 1 && words[0].kind === 'han') {
    const alternatives = splitAlternatives(words[0].text);
    if (alternatives.length > 0) g.alternatives = alternatives;
  }
  return g;
}

const isNumber = (w: Word): boolean => w.kind === 'alnum' && /^\d+$/.test(w.text);
const touches = (a: Word, b: Word): boolean => a.end === b.start;

/** Groups the words of unquoted text. `text` is the (normalised) source of the offsets. */
function groupWords(words: Word[], text: string): QueryGroup[] {
  const groups: QueryGroup[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (word.kind === 'alnum') {
      const run = [word];
      while (i + run.length < words.length) {
        const prev = run[run.length - 1];
        const candidate = words[i + run.length];
        if (candidate.kind !== 'alnum') break;
        const between = text.slice(prev.end, candidate.start);
        const joined = between.trim() !== '' || between === '' || run.some((w) => /\p{L}/u.test(w.text));
        if (!joined || /[\p{Script=Han}"]/u.test(between)) break;
        run.push(candidate);
      }
      const unit = words[i + run.length];
      const last = run[run.length - 1];
      if (isNumber(last) && unit?.kind === 'han' && touches(last, unit)) {
        const g = group([...run, unit]);
        // A lone number: its number-and-unit term (2021年) says all, and is one cheap lookup.
        if (run.length === 1 && unit.terms[0] === `${last.text}${[...unit.text][0]}`)
          g.terms = [...unit.terms];
        groups.push(g);
        i += run.length + 1;
        continue;
      }
      groups.push(group(run));
      i += run.length;
      continue;
    }
    if ([...word.text].length === 1) {
      const run = [word];
      while (i + run.length < words.length) {
        const candidate = words[i + run.length];
        if (candidate.kind !== 'han' || [...candidate.text].length !== 1) break;
        if (!touches(run[run.length - 1], candidate)) break;
        run.push(candidate);
      }
      groups.push(group(run));
      i += run.length;
      continue;
    }
    groups.push(group([word]));
    i += 1;
  }
  return groups;
}

/** A group of unquoted Han words that only says how the question is asked (我想, 了解, 怎么). */
function isStopGroup(g: QueryGroup): boolean {
  if (g.words.some((w) => !/^\p{Script=Han}+$/u.test(w))) return false;
  return isStopWord(g.words.join('')) || g.words.every(isStopWord);
}

/**
 * Parses what a person typed into AND-ed term groups; no groups means no results. Stop words
 * (stop-words.ts) outside quotes are left out, unless nothing else was typed.
 */
export function parseQuery(input: string): ParsedQuery {
  const text = input.normalize('NFKC').toLowerCase().replace(QUOTES, '"');
  const groups: QueryGroup[] = [];
  const stops: QueryGroup[] = [];
  const parts = text.split('"');
  parts.forEach((part, index) => {
    // Odd parts stood between quotes; a last odd part without its closing quote is plain text.
    const quoted = index % 2 === 1 && index < parts.length - 1;
    const words = segmentWords(part);
    if (words.length === 0) return;
    if (quoted) groups.push(group(words));
    else for (const g of groupWords(words, part)) (isStopGroup(g) ? stops : groups).push(g);
  });
  if (groups.length === 0) groups.push(...stops);
  else if (stops.length > 0) return { ...uniqueGroups(groups), dropped: stops.map((g) => g.words.join('')) };
  return uniqueGroups(groups);
}

function uniqueGroups(groups: QueryGroup[]): ParsedQuery {
  const seen = new Set<string>();
  const unique = groups.filter((g) => {
    const key = g.terms.join(' ');
    if (g.terms.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { groups: unique.slice(0, MAX_GROUPS) };
}

const ftsString = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/** An FTS5 MATCH expression: groups AND-ed (`op` 'OR' for related items), every term quoted. */
export function toFts5Match(query: ParsedQuery, op: 'AND' | 'OR' = 'AND'): string {
  return query.groups
    .map((g) => {
      const phrases = [g.terms, ...(g.alternatives ?? [])].map((terms) => terms.map(ftsString).join(' + '));
      return phrases.length === 1 ? phrases[0] : `(${phrases.join(' OR ')})`;
    })
    .join(` ${op} `);
}

const lexeme = (term: string): string => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** A PostgreSQL tsquery literal (cast with ::tsquery): groups `&`-ed, phrases with `<->`. */
export function toTsQuery(query: ParsedQuery, op: '&' | '|' = '&'): string {
  return query.groups
    .map((g) => {
      const phrases = [g.terms, ...(g.alternatives ?? [])].map((terms) => terms.map(lexeme).join(' <-> '));
      return g.terms.length === 1 && phrases.length === 1 ? phrases[0] : `(${phrases.join(' | ')})`;
    })
    .join(` ${op} `);
}

/** The word lists to mark in snippets, one per group. */
export function queryMarks(query: ParsedQuery): string[][] {
  return query.groups.map((g) => g.words);
}

/** The parsed queries `parseQueryCached` remembers, the least recently asked dropped first. */
const parsedQueries = new LRUCache<string, ParsedQuery>({ max: 4_000 });

function deepFreeze(parsed: ParsedQuery): ParsedQuery {
  for (const g of parsed.groups) {
    Object.freeze(g.terms);
    Object.freeze(g.words);
    for (const terms of g.alternatives ?? []) Object.freeze(terms);
    if (g.alternatives) Object.freeze(g.alternatives);
    Object.freeze(g);
  }
  Object.freeze(parsed.groups);
  if (parsed.dropped) Object.freeze(parsed.dropped);
  return Object.freeze(parsed);
}

/**
 * parseQuery, remembered: the same text gives the same groups (jieba's cut of a query costs
 * about a millisecond, and people search the same words again). The result is frozen — shared by
 * every caller, it must not be changed.
 */
export function parseQueryCached(input: string): ParsedQuery {
  const known = parsedQueries.get(input);
  if (known) return known;
  const parsed = deepFreeze(parseQuery(input));
  parsedQueries.set(input, parsed);
  return parsed;
}
