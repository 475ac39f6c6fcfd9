/**
 * The 信息处理费 of one application (条例 第四十二条; 国办函〔2020〕109号), in whole 元: the fee, and the
 * bands a 收费通知书 lists (“第11–30件，每件100元，计2000元”).
 */
import { type Band, PER_PAGE, PER_PIECE, type Schedule } from './schedules.ts';

/**
 * How one application is charged: by piece or by page, never both (109号 第三条). `pieces` are the
 * pieces this application adds; `previousPiecesThisMonth` those the same applicant already filed in
 * the same natural month (the free 10 and the bands count per applicant per month, 第四条).
 */
export type FeeBasis =
  | { method: 'per_piece'; previousPiecesThisMonth: number; pieces: number; pages?: never }
  | { method: 'per_page'; pages: number; pieces?: never; previousPiecesThisMonth?: never };

export type FeeMethod = FeeBasis['method'];

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  per_piece: '按件计收',
  per_page: '按量计收',
};

/** One line of a fee notice: units `from`–`to` of this application at `rate` 元 each. */
export interface FeeLine {
  from: number;
  to: number;
  count: number;
  rate: number;
  amount: number;
  /** “第11–30件，每件100元，计2000元”, “第1–10件，不收费” */
  text: string;
}

export interface FeeBreakdown {
  method: FeeMethod;
  unit: '件' | '页';
  lines: FeeLine[];
  /** whole 元 */
  total: number;
}

/** Throws a RangeError with a Chinese message unless `value` is a whole number ≥ 0 (and exact). */
function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}应为不小于0的整数：${value}`);
}

/** The fee of units `first`–`last` (1-based, inclusive) under a schedule; 0 when the range is empty. */
function feeOfRange(schedule: Schedule, first: number, last: number): number {
  if (last < first) return 0;
  const upToLast = schedule.cumulative(last);
  if (!Number.isSafeInteger(upToLast))
    throw new RangeError(`数量过大，信息处理费超出可精确计算的范围：${last}${schedule.unit}`);
  return upToLast - schedule.cumulative(first - 1);
}

/**
 * 按件计收: the fee of `pieces` pieces filed by one applicant in one natural month, all counted
 * together (1–10 free; 11–30: 100 元/件; then 200, 300, … 元/件 per band of 10). 31 → 2200.
 */
export function perPieceFee(pieces: number): number {
  checkCount(pieces, '件数');
  return feeOfRange(PER_PIECE, 1, pieces);
}

/**
 * 按件计收 for one application: the marginal fee of the `piecesNow` pieces it adds to the
 * `previousPiecesThisMonth` the applicant already filed this natural month. (8, 5) → pieces 9–13
 * → 3 × 100 = 300.
 */
export function perPieceFeeForApplication(previousPiecesThisMonth: number, piecesNow: number): number {
  checkCount(previousPiecesThisMonth, '本月此前件数');
  checkCount(piecesNow, '件数');
  return feeOfRange(PER_PIECE, previousPiecesThisMonth + 1, previousPiecesThisMonth + piecesNow);
}

/** 按量计收: the fee of one application of `pages` pages (1–30 free; 10, 20, then 40 元/页). 31 → 10. */
export function perPageFee(pages: number): number {
  checkCount(pages, '页数');
  return feeOfRange(PER_PAGE, 1, pages);
}

/** The fee of one application, whichever way it is charged. */
export function applicationFee(basis: FeeBasis): number {
  return basis.method === 'per_piece'
    ? perPieceFeeForApplication(basis.previousPiecesThisMonth, basis.pieces)
    : perPageFee(basis.pages);
}

function lineText(unit: string, from: number, to: number, rate: number, amount: number): string {
  const range = from === to ? `第${from}${unit}` : `第${from}–${to}${unit}`;
  return rate === 0 ? `${range}，不收费` : `${range}，每${unit}${rate}元，计${amount}元`;
}

/** The bands of one application's fee, one line per band it touches, and the total. */
export function feeBreakdown(basis: FeeBasis): FeeBreakdown {
  const total = applicationFee(basis); // validates the numbers
  const [schedule, first, last] =
    basis.method === 'per_piece'
      ? [PER_PIECE, basis.previousPiecesThisMonth + 1, basis.previousPiecesThisMonth + basis.pieces]
      : [PER_PAGE, 1, basis.pages];
  const lines: FeeLine[] = [];
  for (let n = first; n <= last; ) {
    const band: Band = schedule.bandAt(n);
    const to = band.to === null ? last : Math.min(band.to, last);
    const count = to - n + 1;
    const amount = count * band.rate;
    lines.push({
      from: n,
      to,
      count,
      rate: band.rate,
      amount,
      text: lineText(schedule.unit, n, to, band.rate, amount),
    });
    n = to + 1;
  }
  return { method: basis.method, unit: schedule.unit, lines, total };
}
