import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { normalize } from './segment.ts';

/**
 * “您是不是要找：…” when a query finds nothing. Most mistyped Chinese words are homophones the
 * input method offered (底保 for 低保, 公开指难 for 公开指南) or two characters swapped (保低), so
 * a word that matches nothing is replaced by the dictionary words (jieba's, the segmenter's own)
 * that differ from it in one character of the same pinyin, tones ignored, or by one swap of
 * neighbours; of those, the one the index holds most often wins. A word with no such replacement
 * in the index is left out. Nothing is suggested when nothing changes.
 */

/** Counts how many items hold each word (up to a cap); the database's index answers. */
export type WordCounts = (words: readonly string[]) => Promise<number[]>;

interface Lexicon {
  /** dictionary words of two to four characters by length, with jieba's frequency */
  byLength: Map<number, string[]>;
  frequency: Map<string, number>;
  /** each character's usual reading, tones ignored */
  reading: Map<string, string>;
}

let lexicon: Lexicon | null = null;

/** Whether every UTF-16 unit of a word is a common Han character (CJK Unified Ideographs and Extension A). */
function isHanWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (!((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf))) return false;
  }
  return true;
}

/** jieba's dictionary and its characters' readings, read once (about 0.5 s) on the first suggestion. */
function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const byLength = new Map<number, string[]>([
    [2, []],
    [3, []],
    [4, []],
  ]);
  const frequency = new Map<string, number>();
  const seen = new Set<string>();
  const text = new TextDecoder().decode(dict);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    const wordEnd = space >= 0 && space < end ? space : end;
    const length = wordEnd - start;
    if (length >= 2 && length <= 4) {
      const word = text.slice(start, wordEnd);
      if (isHanWord(word)) {
        byLength.get(length)?.push(word);
        frequency.set(word, Number.parseInt(text.slice(wordEnd + 1, end), 10) || 0);
        for (let i = 0; i < length; i++) seen.add(word[i]);
      }
    }
    start = end + 1;
  }
  // One call reads every character (spaced, so no neighbour changes a reading): 0.1 s.
  const chars = [...seen];
  const read = pinyin(chars.join(' '), { toneType: 'none', type: 'array' }).filter((r) => r.trim() !== '');
  const reading = new Map(chars.map((c, i) => [c, read[i] ?? '']));
  lexicon = { byLength, frequency, reading };
  return lexicon;
}

const readings = new Map<string, string[]>();
/** A character's readings, tones ignored (多音字 have several). */
function readingsOf(c: string): string[] {
  let read = readings.get(c);
  if (!read) {
    read = [...new Set(pinyin(c, { toneType: 'none', multiple: true, type: 'array' }))];
    readings.set(c, read);
  }
  return read;
}

/** The dictionary words one homophone or one swap away from a Han word, most frequent first. */
export function nearWords(word: string): string[] {
  if (word.length < 2 || word.length > 4 || !isHanWord(word)) return [];
  const lex = loadLexicon();
  const found: string[] = [];
  for (const candidate of lex.byLength.get(word.length) ?? []) {
    let first = -1;
    let second = -1;
    let differ = 0;
    for (let i = 0; i < word.length && differ <= 2; i++) {
      if (candidate.charCodeAt(i) === word.charCodeAt(i)) continue;
      differ++;
      if (first < 0) first = i;
      else second = i;
    }
    if (differ === 1 && readingsOf(word[first]).includes(lex.reading.get(candidate[first]) ?? ''))
      found.push(candidate);
    else if (
      differ === 2 &&
      second === first + 1 &&
      word[first] === candidate[second] &&
      word[second] === candidate[first]
    )
      found.push(candidate);
  }
  return found.sort((a, b) => (lex.frequency.get(b) ?? 0) - (lex.frequency.get(a) ?? 0));
}

/** At most this many replacements of one word are counted in the index. */
const MAX_CANDIDATES = 24;

/**
 * A better query for `text`, whose words (`words`, as parsed, stop words left out) found nothing
 * together; null when no word can be replaced or left out to some effect.
 */
export async function suggestQuery(
  text: string,
  words: readonly string[],
  counts: WordCounts,
): Promise<string | null> {
  if (words.length === 0) return null;
  const held = await counts(words);
  let suggestion = normalize(text);
  let changed = false;
  let kept = 0;
  for (const [i, word] of words.entries()) {
    if ((held[i] ?? 0) > 0) {
      kept++;
      continue;
    }
    const candidates = nearWords(word).slice(0, MAX_CANDIDATES);
    const found = candidates.length > 0 ? await counts(candidates) : [];
    let best = -1;
    for (const [k, n] of found.entries()) if (n > 0 && (best < 0 || n > found[best])) best = k;
    if (best >= 0) {
      suggestion = suggestion.replace(word, candidates[best]);
      kept++;
    } else suggestion = suggestion.replace(word, ' ');
    changed = true;
  }
  const tidy = suggestion.replace(/\s+/g, ' ').trim();
  return changed && kept > 0 && tidy !== '' ? tidy : null;
}
