import { LRUCache } from 'lru-cache';
import { escapeHtml } from '../render/escape.ts';

/**
 * Highlighting, computed here from the stored text (so SQLite and PostgreSQL agree): every
 * character is HTML-escaped and the query's words are wrapped in `<mark>`. Matching is on the
 * NFKC, lower-cased text (ＧＢ/Ｔ matches gb/t) but the original characters are shown.
 */

/** How long a body snippet is, in characters. */
export const SNIPPET_LENGTH = 120;

interface Normalized {
  text: string;
  /** original offset of each UTF-16 unit of `text`, plus one past the end */
  origin: number[];
}

/**
 * Each character's NFKC, lower-cased form, remembered: a text repeats its characters, and ICU's
 * two calls per character were most of a snippet's cost.
 */
const normalizedChars = new Map<string, string>();

function normalizeChar(ch: string): string {
  let n = normalizedChars.get(ch);
  if (n === undefined) {
    n = ch.normalize('NFKC').toLowerCase();
    if (normalizedChars.size >= 50_000) normalizedChars.clear();
    normalizedChars.set(ch, n);
  }
  return n;
}

function normalizeWithOffsets(original: string): Normalized {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const n = normalizeChar(ch);
    for (let i = 0; i < n.length; i++) origin.push(offset);
    text += n;
    offset += ch.length;
  }
  origin.push(offset);
  return { text, origin };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The patterns of the word lists seen lately (a page's titles and snippets share one). */
const patterns = new LRUCache<string, { pattern: RegExp | null }>({ max: 1_000 });

/** One pattern per word list: the words in order, up to three separators between them. */
function patternOf(marks: readonly (readonly string[])[]): RegExp | null {
  const key = JSON.stringify(marks);
  const known = patterns.get(key);
  if (known) return known.pattern;
  const pattern = compilePattern(marks);
  patterns.set(key, { pattern });
  return pattern;
}

function compilePattern(marks: readonly (readonly string[])[]): RegExp | null {
  const alternatives = marks
    .filter((words) => words.length > 0)
    .map((words) => words.map(escapeRegExp).join('[^\\p{L}\\p{N}]{0,3}'))
    .sort((a, b) => b.length - a.length);
  return alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'gu');
}

interface Match {
  start: number;
  end: number;
  key: string;
}

/** Matches in original offsets, left to right, not overlapping. */
function findMatches(original: string, marks: readonly (readonly string[])[]): Match[] {
  const pattern = patternOf(marks);
  if (!pattern) return [];
  const { text, origin } = normalizeWithOffsets(original);
  const matches: Match[] = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const start = origin[m.index];
    const end = origin[m.index + m[0].length];
    if (end > start) matches.push({ start, end, key: m[0] });
  }
  return matches;
}

function markRange(original: string, from: number, to: number, matches: readonly Match[]): string {
  let html = '';
  let at = from;
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    html += `${escapeHtml(original.slice(at, start))}<mark>${escapeHtml(original.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(original.slice(at, to));
}

/** The whole text, escaped, with the words marked (for titles). */
export function highlightText(original: string, marks: readonly (readonly string[])[]): string {
  return markRange(original, 0, original.length, findMatches(original, marks));
}

/** Moves an offset off the second half of a surrogate pair. */
function safe(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/**
 * The best passage of about `length` characters, escaped, with the words marked: the window
 * holding the most different words (then the most matches), starting a little before its first
 * match. Without matches, the beginning of the text.
 */
export function snippet(
  original: string,
  marks: readonly (readonly string[])[],
  length: number = SNIPPET_LENGTH,
): string {
  const text = original.replace(/\s+/g, ' ').trim();
  if (text.length <= length) return highlightText(text, marks);
  const matches = findMatches(text, marks);
  let bestStart = 0;
  let bestScore = -1;
  const lead = Math.min(20, Math.floor(length / 6));
  for (const [i, first] of matches.entries()) {
    const start = Math.max(0, Math.min(first.start - lead, text.length - length));
    const keys = new Set<string>();
    let count = 0;
    for (let j = i; j < matches.length && matches[j].end <= start + length; j++) {
      keys.add(matches[j].key);
      count++;
    }
    const score = keys.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  const from = safe(text, bestStart);
  const to = safe(text, Math.min(text.length, from + length));
  const html = markRange(text, from, to, matches);
  return `${from > 0 ? '…' : ''}${html}${to < text.length ? '…' : ''}`;
}
