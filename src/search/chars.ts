/** Character classes and Han terms for segmentation (segment.ts). */

/** A Han character (CJK Unified Ideographs, Extension A, compatibility, Extensions B–G). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/** A letter or digit that is not Han (a–z and 0–9 after lower-casing, or any other script). */
export function isAlnum(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
  return !isHan(code) && LETTER_OR_DIGIT.test(ch);
}

/**
 * ASCII punctuation and spaces, and the CJK punctuation of running text (、。〈〉《》「」『』【】
 * 〔〕〖〗〘〙〚〛〜〝〞〟): neither Han nor a letter or digit. Not the rest of U+3000–U+303F, which
 * holds letters and numbers (々 〇 〡).
 */
export function isSeparator(code: number): boolean {
  if (code < 0x80)
    return !(
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a)
    );
  return (
    code === 0x3000 ||
    code === 0x3001 ||
    code === 0x3002 ||
    (code >= 0x3008 && code <= 0x3011) ||
    (code >= 0x3014 && code <= 0x301f)
  );
}

/** A word of Han characters of the Basic Multilingual Plane only (one UTF-16 unit each). */
export function isBmpHanWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff || (code > 0x4dbf && code < 0x4e00)) return false;
  }
  return word.length > 0;
}

/** The terms of a word of BMP Han characters: itself, or its overlapping two-character pieces. */
export function bmpHanTerms(word: string): string[] {
  if (word.length <= 2) return [word];
  const terms: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) terms.push(word.slice(i, i + 2));
  return terms;
}

/** Overlapping two-character pieces of a Han run of three or more characters. */
export function hanTerms(chars: string[]): string[] {
  if (chars.length <= 2) return [chars.join('')];
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
  return terms;
}

/** A digit (0–9, or a digit of another script). */
export const isDigit = (ch: string): boolean =>
  (ch >= '0' && ch <= '9') || (ch > '\x7f' && /\p{N}/u.test(ch));
