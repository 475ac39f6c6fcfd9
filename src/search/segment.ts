import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese segmentation for the search index, the same at index and at query time.
 *
 * The text is NFKC-normalised (full-width ＧＢ９７０４ → gb9704) and lower-cased, then cut by jieba
 * (`cut`, no HMM: unknown words fall apart into single characters the same way in every context,
 * where HMM would glue them differently depending on the neighbours). Each jieba word is split
 * into runs of Han characters and of other letters/digits; punctuation and spaces are dropped.
 * A Han word of three or more characters is indexed as its overlapping two-character pieces
 * (城乡居民 → 城乡 乡居 居民), so a two-character query word is found inside longer words (居民,
 * 许可 in 许可证, 政府 in 中华人民共和国政府), and the longer word itself is a phrase of its pieces.
 * Pieces never cross jieba word boundaries, so 低保 does not match 最低保障 (最低/保障).
 */

let jieba: Jieba | null = null;

/** The jieba instance with the default dictionary, loaded once (about 0.2 s). */
function cutter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Single characters too common to search for; dropped at index and at query time alike. */
export const STOP_CHARACTERS: ReadonlySet<string> = new Set(
  '的了和与及或之其在对为是将把被由并也而就都着从以于等个'.split(''),
);

/** Longer runs of letters and digits (a hash, a URL's path) are not searchable terms. */
export const MAX_TERM_LENGTH = 64;

export type WordKind = 'han' | 'alnum';

/** One run of a jieba word: Han characters or other letters and digits. */
export interface Word {
  kind: WordKind;
  /** normalised text of the run */
  text: string;
  /** the terms the index keeps for it (bigrams for Han runs of three or more characters) */
  terms: string[];
  /** offsets in the normalised text, so callers can tell which words touch */
  start: number;
  end: number;
}

/** NFKC + lower case: what both the index and the query see. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

function isAlnum(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
  return !isHan(code) && LETTER_OR_DIGIT.test(ch);
}

/** A word of Han characters of the Basic Multilingual Plane only (one UTF-16 unit each). */
function isBmpHanWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff || (code > 0x4dbf && code < 0x4e00)) return false;
  }
  return word.length > 0;
}

function bmpHanTerms(word: string): string[] {
  if (word.length <= 2) return [word];
  const terms: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) terms.push(word.slice(i, i + 2));
  return terms;
}

/** Overlapping two-character pieces of a Han run of three or more characters. */
function hanTerms(chars: string[]): string[] {
  if (chars.length <= 2) return [chars.join('')];
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
  return terms;
}

/**
 * Units that follow a number: jieba glues them to the next character (2021年度, 3月份, 5日起), so
 * after a number such a word is indexed with its unit first (2021 年 年度): `2021年` then finds
 * 2021年度, and the query `2021年度` gets the same three terms.
 */
const UNITS: ReadonlySet<string> = new Set('年月日号期季批届次元万亿'.split(''));

/** Whether the last word is a number that ends where a word starting at `start` begins. */
function afterNumber(out: Word[], start: number): boolean {
  const last = out[out.length - 1];
  return last !== undefined && last.kind === 'alnum' && last.end === start && /^\d+$/.test(last.text);
}

function pushHan(out: Word[], chars: string[], start: number, end: number): void {
  const text = chars.join('');
  if (chars.length === 1 && STOP_CHARACTERS.has(text)) return;
  const terms = hanTerms(chars);
  if (chars.length > 1 && UNITS.has(chars[0]) && afterNumber(out, start)) terms.unshift(chars[0]);
  out.push({ kind: 'han', text, terms, start, end });
}

const isDigit = (ch: string): boolean => (ch >= '0' && ch <= '9') || (ch > '\x7f' && /\p{N}/u.test(ch));

/** Letters and digits are separate words that touch (gb/t9704 → gb t 9704, g20 → g 20). */
function pushAlnum(out: Word[], chars: string[], start: number): void {
  let from = 0;
  let offset = start;
  let pieceStart = start;
  for (let i = 1; i <= chars.length; i++) {
    offset += chars[i - 1].length;
    if (i < chars.length && isDigit(chars[i]) === isDigit(chars[from])) continue;
    if (i - from <= MAX_TERM_LENGTH) {
      const text = chars.slice(from, i).join('');
      out.push({ kind: 'alnum', text, terms: [text], start: pieceStart, end: offset });
    }
    from = i;
    pieceStart = offset;
  }
}

/** The words of a text, in order, with their index terms. */
export function segmentWords(text: string): Word[] {
  const normalized = normalize(text);
  const out: Word[] = [];
  let kind: WordKind | null = null;
  let chars: string[] = [];
  let runStart = 0;
  let offset = 0;
  const flush = () => {
    if (kind === 'han') pushHan(out, chars, runStart, offset);
    else if (kind === 'alnum') pushAlnum(out, chars, runStart);
    kind = null;
    chars = [];
  };
  for (const word of cutter().cut(normalized, false)) {
    // Fast path, most of a text: a whole jieba word of Han characters outside the astral planes.
    if (isBmpHanWord(word)) {
      flush();
      if (!(word.length === 1 && STOP_CHARACTERS.has(word))) {
        const terms = bmpHanTerms(word);
        if (word.length > 1 && UNITS.has(word[0]) && afterNumber(out, offset)) terms.unshift(word[0]);
        out.push({
          kind: 'han',
          text: word,
          terms,
          start: offset,
          end: offset + word.length,
        });
      }
      offset += word.length;
      continue;
    }
    // A Han run ends where jieba's word ends; letters and digits jieba cut apart (café → caf/é)
    // are one run again.
    if (kind === 'han') flush();
    for (const ch of word) {
      const code = ch.codePointAt(0) ?? 0;
      const next: WordKind | null = isHan(code) ? 'han' : isAlnum(code, ch) ? 'alnum' : null;
      if (next !== kind) {
        flush();
        kind = next;
        runStart = offset;
      }
      if (next) chars.push(ch);
      offset += ch.length;
    }
  }
  flush();
  return out;
}

/** The index terms of a text, in order (what the full-text index stores, one term per position). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of segmentWords(text)) for (const term of word.terms) terms.push(term);
  return terms;
}

/** The index terms space-joined: FTS5's unicode61 tokenizer makes each one a term. */
export function indexText(text: string): string {
  return indexTerms(text).join(' ');
}
