/**
 * The fee section of a 收费通知书 (条例 第四十二条; 国办函〔2020〕109号 第三条–第六条): the standard
 * with its bands, the breakdown, the amount in figures and in words, and when and how to pay.
 */
import { FEE_METHOD_LABELS, type FeeBasis, type FeeMethod, feeBreakdown } from '../fees/processing-fee.ts';
import type { FeeSection } from './letter-data.ts';

/** The standard of each method with its bands, as the notice states it (109号 第四条、第五条). */
export const FEE_STANDARDS: Record<FeeMethod, string> = {
  per_piece:
    '按件计收，同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，' +
    '每件100元；31件以上的部分，以10件为一档，每增加一档，收费标准每件提高100元。',
  per_page:
    '按量计收，同一申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，每页10元；' +
    '101—200页（含200页）的部分，每页20元；201页以上的部分，每页40元。',
};

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/** One group of four digits (1–9999) in capital numerals, with the zeros a cheque writes. */
function groupInWords(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== '';
    } else {
      out += (zero ? '零' : '') + DIGITS[digit] + PLACES[place];
      zero = false;
    }
  }
  return out;
}

/** Whole 元 in capital numerals (大写金额): 2200 → “贰仟贰佰元整”, 100010 → “壹拾万零壹拾元整”. */
export function yuanInWords(yuan: number): string {
  if (!Number.isSafeInteger(yuan) || yuan < 0 || yuan >= 1e12) throw new RangeError(`金额应为整元：${yuan}`);
  if (yuan === 0) return '零元整';
  let out = '';
  let needZero = false;
  for (let g = 2; g >= 0; g -= 1) {
    const group = Math.floor(yuan / 10_000 ** g) % 10_000;
    if (group === 0) {
      needZero = out !== '';
      continue;
    }
    out += (needZero || (out !== '' && group < 1000) ? '零' : '') + groupInWords(group) + GROUPS[g];
    needZero = false;
  }
  return `${out}元整`;
}

/** The fee section from how the application is charged, the pay-by date and how to pay. */
export function feeSection(basis: FeeBasis, payDueOn: string, howToPay: string): FeeSection {
  const breakdown = feeBreakdown(basis);
  return {
    method: FEE_METHOD_LABELS[basis.method],
    standard: FEE_STANDARDS[basis.method],
    lines: breakdown.lines.map((line) => line.text),
    amount: breakdown.total,
    amountInWords: yuanInWords(breakdown.total),
    payDueOn,
    howToPay,
  };
}
