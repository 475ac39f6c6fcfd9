import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { bmpHanTerms, hanTerms, isAlnum, isBmpHanWord, isDigit, isHan, isSeparator } from './chars.ts';

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

/**
 * Units that follow a number. After a number, a word starting with one is indexed with the number
 * and the unit as one more term first: 2021年度 → 2021 2021年 年度, 2021年 → 2021 2021年. So
 * `2021年` is one term that finds 2021年 and 2021年度 (jieba glues the unit to what follows:
 * 2021年度, 3月份, 5日起), and costs no more than any word to look up.
 */
const UNITS: ReadonlySet<string> = new Set('年月日号期季批届次元万亿'.split(''));

/** The number a word starting at `start` directly follows, if any. */
function numberBefore(out: Word[], start: number): string | null {
  const last = out[out.length - 1];
  if (last === undefined || last.kind !== 'alnum' || last.end !== start) return null;
  return /^\d+$/.test(last.text) ? last.text : null;
}

/** A Han word's terms, with the number-and-unit term first when it follows a number. */
function unitTerms(out: Word[], first: string, length: number, start: number, terms: string[]): string[] {
  if (!UNITS.has(first)) return terms;
  const number = numberBefore(out, start);
  if (number === null) return terms;
  return length === 1 ? [`${number}${first}`] : [`${number}${first}`, ...terms];
}

function pushHan(out: Word[], chars: string[], start: number, end: number): void {
  const text = chars.join('');
  if (chars.length === 1 && STOP_CHARACTERS.has(text)) return;
  const terms = unitTerms(out, chars[0], chars.length, start, hanTerms(chars));
  out.push({ kind: 'han', text, terms, start, end });
}

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

/**
 * The words of a normalised text, in order, with their index terms: jieba's cut of the whole
 * text, without the block cache (segmentWords gives the same words, faster).
 */
export function cutWords(normalized: string): Word[] {
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
        const terms = unitTerms(out, word[0], word.length, offset, bmpHanTerms(word));
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
    // Fast path: a punctuation mark or a space ends any run.
    if (word.length === 1 && isSeparator(word.charCodeAt(0))) {
      flush();
      offset += 1;
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

/**
 * Separators: punctuation, symbols and spaces, except the marks jieba keeps inside its blocks
 * (+ # & . _ % -). jieba cuts each maximal run of other characters on its own, and a separator
 * never makes a word nor touches one (segmentWords), so the words of a text are the words of its
 * blocks, each block cut alone — which is what lets a block's words be cached.
 */
const SEPARATOR = /[\p{P}\p{S}\p{Z}\s]/u;
const KEPT_BY_JIEBA = '+#&._%-';

/** Separators among the ASCII characters, by code. */
const ASCII_SEPARATORS = Uint8Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  return SEPARATOR.test(ch) && !KEPT_BY_JIEBA.includes(ch) ? 1 : 0;
});
const otherSeparators = new Map<number, boolean>();

/** Whether a code point separates blocks (the common Han and ASCII cases without a regex). */
function isBlockSeparator(code: number): boolean {
  if (code < 0x80) return ASCII_SEPARATORS[code] === 1;
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  let known = otherSeparators.get(code);
  if (known === undefined) {
    known = SEPARATOR.test(String.fromCodePoint(code));
    if (otherSeparators.size < 10_000) otherSeparators.set(code, known);
  }
  return known;
}

/** Blocks longer than this are cut each time (a long unpunctuated text is seldom repeated). */
const MAX_CACHED_BLOCK = 200;
/** Blocks per generation of the cache: the recent ones, and the generation before. */
const CACHE_GENERATION = 50_000;

/**
 * A two-generation cache of what a block gives: the blocks seen lately, and the generation before;
 * a block unused for two generations is cut again. Long blocks are not kept.
 */
function blockCache<V>(compute: (block: string) => V): (block: string) => V {
  let recent = new Map<string, V>();
  let older = new Map<string, V>();
  return (block) => {
    const hit = recent.get(block);
    if (hit !== undefined) return hit;
    if (block.length > MAX_CACHED_BLOCK) return compute(block);
    const value = older.get(block) ?? compute(block);
    if (recent.size >= CACHE_GENERATION) {
      older = recent;
      recent = new Map();
    }
    recent.set(block, value);
    return value;
  };
}

/**
 * The words of one block, offsets from its start. Official texts repeat their phrases (各有关单位,
 * 为贯彻落实…的决策部署, 现就有关事项通知如下), so most blocks were cut before.
 */
const blockWords: (block: string) => readonly Word[] = blockCache(cutWords);

/** The index terms of one block, space-joined (for indexText: one string per block, no words). */
const blockText: (block: string) => string = blockCache((block) =>
  isCommonHan(block)
    ? hanBlockText(block)
    : cutWords(block)
        .flatMap((word) => word.terms)
        .join(' '),
);

/** Whether every character of a text is a common Han character (U+4E00–U+9FFF). */
function isCommonHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x4e00 || unit > 0x9fff) return false;
  }
  return true;
}

/**
 * The terms of a block of common Han characters, space-joined, straight from jieba's words —
 * what cutWords gives for it (no runs to join, no number for a unit to follow), without a word
 * object per word: most blocks not yet cached are such phrases.
 */
function hanBlockText(block: string): string {
  let out = '';
  for (const word of cutter().cut(block, false)) {
    if (word.length === 1 && STOP_CHARACTERS.has(word)) continue;
    if (word.length <= 2) out += out === '' ? word : ` ${word}`;
    else
      for (let i = 0; i + 1 < word.length; i++)
        out += out === '' ? word.slice(i, i + 2) : ` ${word.slice(i, i + 2)}`;
  }
  return out;
}

/**
 * Calls `visit` with each block of a normalised text, the block's offset, and whether the block is
 * ASCII only (asciiBlockText needs no jieba for it). Han and ASCII are told apart by their code
 * unit, without a function call: this runs over every character indexed.
 */
function forEachBlock(
  normalized: string,
  visit: (block: string, start: number, ascii: boolean) => void,
): void {
  let start = 0;
  let ascii = true;
  let i = 0;
  while (i < normalized.length) {
    const unit = normalized.charCodeAt(i);
    let separator: boolean;
    let width = 1;
    if (unit < 0x80) separator = ASCII_SEPARATORS[unit] === 1;
    else {
      ascii = false;
      if (unit >= 0x4e00 && unit <= 0x9fff) separator = false;
      else {
        const code = normalized.codePointAt(i) ?? 0;
        width = code > 0xffff ? 2 : 1;
        separator = isBlockSeparator(code);
      }
    }
    if (separator) {
      if (i > start) visit(normalized.slice(start, i), start, ascii);
      start = i + width;
      ascii = true;
    }
    i += width;
  }
  if (normalized.length > start) visit(normalized.slice(start), start, ascii);
}

/**
 * The index terms of a block of ASCII characters, space-joined, without jieba: whatever jieba
 * makes of it, its letters and digits end up in the runs between the other characters (cutWords
 * joins the pieces of a run jieba cut apart, and drops + # & . _ % - and control characters), and
 * each run gives its letter and digit pieces (pushAlnum). Such blocks (a phone number, a date, a
 * code) are often seen once, so they are not cached either: they would push out the phrases.
 * segment.test.ts compares the result with jieba's cut of the whole text.
 */
function asciiBlockText(block: string): string {
  let out = '';
  let from = -1;
  let digits = false;
  for (let i = 0; i <= block.length; i++) {
    const code = i < block.length ? block.charCodeAt(i) : 0;
    const digit = code >= 0x30 && code <= 0x39;
    const alnum = digit || (code >= 0x61 && code <= 0x7a);
    if (from >= 0 && (!alnum || digit !== digits)) {
      if (i - from <= MAX_TERM_LENGTH) out += out === '' ? block.slice(from, i) : ` ${block.slice(from, i)}`;
      from = -1;
    }
    if (from < 0 && alnum) {
      from = i;
      digits = digit;
    }
  }
  return out;
}

/** The words of a text, in order, with their index terms. */
export function segmentWords(text: string): Word[] {
  const out: Word[] = [];
  forEachBlock(normalize(text), (block, start) => {
    for (const word of blockWords(block)) {
      out.push({ ...word, terms: [...word.terms], start: word.start + start, end: word.end + start });
    }
  });
  return out;
}

/**
 * Other ways a document may hold a long word: jieba may cut it in two where it stands (婚姻登记
 * in 办理婚姻登记手续 is 婚姻/登记手续), and the pieces' terms then stand without the bigram that
 * spanned the cut. One alternative per cut into two dictionary words (婚姻 + 登记).
 */
export function splitAlternatives(word: string): string[][] {
  const chars = [...word];
  if (chars.length < 4) return [];
  const known = new Set(cutter().cutAll(word));
  const alternatives: string[][] = [];
  for (let k = 2; k <= chars.length - 2; k++) {
    const left = chars.slice(0, k);
    const right = chars.slice(k);
    if (known.has(left.join('')) && known.has(right.join(''))) {
      alternatives.push([...hanTerms(left), ...hanTerms(right)]);
    }
  }
  return alternatives;
}

/** The index terms of a text, in order (what the full-text index stores, one term per position). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  forEachBlock(normalize(text), (block) => {
    for (const word of blockWords(block)) for (const term of word.terms) terms.push(term);
  });
  return terms;
}

/** The index terms space-joined: FTS5's tokenizer (and the tsvector literal) makes each one a term. */
export function indexText(text: string): string {
  const parts: string[] = [];
  forEachBlock(normalize(text), (block, _start, ascii) => {
    const terms = ascii ? asciiBlockText(block) : blockText(block);
    if (terms !== '') parts.push(terms);
  });
  return parts.join(' ');
}
