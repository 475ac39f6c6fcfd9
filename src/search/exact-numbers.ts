/**
 * The numbers people copy from a document to find it: its 文号 (发文字号) and its 索引号. Pure.
 *
 * 文号: printed with the year in 六角括号 〔〕 (as the 文号 of the demo's and the portal's documents);
 * people type it with whatever brackets their keyboard gives — [2021] (2021) 【2021】 ［2021］ （2021） — so both sides
 * are compared with every such pair made 〔〕, full-width characters made half-width (NFKC) and
 * spaces dropped.
 */

const OPENING = /[[(【〖﹝⦅]/g;
const CLOSING = /[\])】〗﹞⦆]/g;

/** A 文号 as compared: NFKC, no spaces, the year's brackets made 〔〕 (威临管发[2021]12号 → 威临管发〔2021〕12号). */
export function normalizeDocNumber(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(OPENING, '〔').replace(CLOSING, '〕');
}

/** Issuer's 机关代字 (Han or letters), the year in brackets, the number with 号: 威临管发〔2021〕12号. */
const DOC_NUMBER = /^[\p{Script=Han}A-Za-z]{1,24}〔\d{4}〕第?\d{1,6}号$/u;

/** The normalised 文号 when the whole text is one, else null. */
export function docNumberIn(text: string): string | null {
  const normalized = normalizeDocNumber(text);
  return DOC_NUMBER.test(normalized) ? normalized : null;
}

/** 索引号 as domain/items/index-number.ts gives it: prefix/year-category-seq, e.g. 11371000MB2856987K/2021-07-00012. */
const INDEX_NUMBER = /^[0-9A-Z-]{1,32}\/\d{4}-\d{2}-\d{5}$/;

/** The 索引号 when the whole text is one (any case, full-width or spaced), else null. */
export function indexNumberIn(text: string): string | null {
  const normalized = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return INDEX_NUMBER.test(normalized) ? normalized : null;
}

/** The bracket characters a stored 文号 may hold, for comparing it in SQL (replace each by 〔 or 〕). */
export const DOC_NUMBER_BRACKETS: ReadonlyArray<[from: string, to: string]> = [
  ['[', '〔'],
  ['(', '〔'],
  ['（', '〔'],
  ['［', '〔'],
  ['【', '〔'],
  ['〖', '〔'],
  ['﹝', '〔'],
  [']', '〕'],
  [')', '〕'],
  ['）', '〕'],
  ['］', '〕'],
  ['】', '〕'],
  ['〗', '〕'],
  ['﹞', '〕'],
  [' ', ''],
];
