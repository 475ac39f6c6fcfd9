import { describe, expect, it } from 'vitest';
import {
  applicationFee,
  type FeeBasis,
  feeBreakdown,
  perPageFee,
  perPieceFee,
  perPieceFeeForApplication,
} from './processing-fee.ts';

/** The rate of the n-th piece of a month, straight from 109号 第四条, one piece at a time. */
function naivePieceRate(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 200 + 100 * Math.floor((n - 31) / 10);
}

describe('perPieceFee (按件计收, per applicant per natural month)', () => {
  it.each([
    ['no piece this month', 0, 0],
    ['the last free piece', 10, 0],
    ['the first charged piece', 11, 1 * 100],
    ['the last piece at 100 元', 30, 20 * 100],
    ['the first piece of the 200 元 band', 31, 20 * 100 + 1 * 200],
    ['the last piece at 200 元', 40, 20 * 100 + 10 * 200],
    ['the first piece at 300 元', 41, 20 * 100 + 10 * 200 + 1 * 300],
    ['the last piece at 300 元', 50, 20 * 100 + 10 * 200 + 10 * 300],
    ['the first piece at 400 元', 51, 20 * 100 + 10 * 200 + 10 * 300 + 1 * 400],
    ['a hundred pieces (bands up to 800 元)', 100, 20 * 100 + 10 * (200 + 300 + 400 + 500 + 600 + 700 + 800)],
  ])('%s: %d 件 → %d 元', (_situation, pieces, yuan) => {
    expect(perPieceFee(pieces)).toBe(yuan);
  });

  it('agrees with adding up the rate of each piece, for every count up to 500', () => {
    let total = 0;
    for (let n = 1; n <= 500; n++) {
      total += naivePieceRate(n);
      expect(perPieceFee(n)).toBe(total);
    }
  });
});

describe('perPieceFeeForApplication (the marginal fee of one application)', () => {
  it.each([
    ['a first application within the free ten', 0, 10, 0],
    ['a first application of 31 pieces', 0, 31, 2200],
    ['an application that crosses the free ten (pieces 9–13)', 8, 5, 3 * 100],
    ['an application that crosses into the 200 元 band (pieces 26–35)', 25, 10, 5 * 100 + 5 * 200],
    ['the 31st piece of the month alone', 30, 1, 200],
    ['the 41st piece of the month alone', 40, 1, 300],
    ['an application of no pieces', 50, 0, 0],
  ])('%s: %d before, %d now → %d 元', (_situation, previous, now, yuan) => {
    expect(perPieceFeeForApplication(previous, now)).toBe(yuan);
  });

  it('adds up over a month to the fee of all its pieces together', () => {
    const applications = [3, 9, 1, 12, 7, 20];
    let previous = 0;
    let sum = 0;
    for (const pieces of applications) {
      sum += perPieceFeeForApplication(previous, pieces);
      previous += pieces;
    }
    expect(sum).toBe(perPieceFee(previous));
  });
});

describe('perPageFee (按量计收, per application)', () => {
  it.each([
    ['no page', 0, 0],
    ['the last free page', 30, 0],
    ['the first page at 10 元', 31, 1 * 10],
    ['the last page at 10 元', 100, 70 * 10],
    ['the first page at 20 元', 101, 70 * 10 + 1 * 20],
    ['the last page at 20 元', 200, 70 * 10 + 100 * 20],
    ['the first page at 40 元', 201, 70 * 10 + 100 * 20 + 1 * 40],
    ['a thousand pages', 1000, 70 * 10 + 100 * 20 + 800 * 40],
  ])('%s: %d 页 → %d 元', (_situation, pages, yuan) => {
    expect(perPageFee(pages)).toBe(yuan);
  });
});

describe('bad numbers are refused with a Chinese message', () => {
  it.each([
    ['a negative page count', () => perPageFee(-1), '页数应为不小于0的整数'],
    ['a fraction of a page', () => perPageFee(1.5), '页数应为不小于0的整数'],
    ['pages that are not a number', () => perPageFee(Number.NaN), '页数应为不小于0的整数'],
    ['infinitely many pages', () => perPageFee(Number.POSITIVE_INFINITY), '页数应为不小于0的整数'],
    ['a page count beyond exact integers', () => perPageFee(2 ** 53), '页数应为不小于0的整数'],
    ['a negative piece count', () => perPieceFee(-3), '件数应为不小于0的整数'],
    ['a fraction of a piece', () => perPieceFee(0.5), '件数应为不小于0的整数'],
    [
      'a negative count of earlier pieces',
      () => perPieceFeeForApplication(-1, 2),
      '本月此前件数应为不小于0的整数',
    ],
    ['so many pieces that the fee is no longer exact', () => perPieceFee(1e9), '超出可精确计算的范围'],
  ])('%s', (_situation, run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});

describe('feeBreakdown (the lines of a 收费通知书)', () => {
  it.each<[string, FeeBasis, string[], number]>([
    [
      'a month’s first application of 31 pieces',
      { method: 'per_piece', previousPiecesThisMonth: 0, pieces: 31 },
      ['第1–10件，不收费', '第11–30件，每件100元，计2000元', '第31件，每件200元，计200元'],
      2200,
    ],
    [
      'a later application crossing two bands',
      { method: 'per_piece', previousPiecesThisMonth: 25, pieces: 16 },
      ['第26–30件，每件100元，计500元', '第31–40件，每件200元，计2000元', '第41件，每件300元，计300元'],
      2800,
    ],
    [
      'an application of 250 pages',
      { method: 'per_page', pages: 250 },
      [
        '第1–30页，不收费',
        '第31–100页，每页10元，计700元',
        '第101–200页，每页20元，计2000元',
        '第201–250页，每页40元，计2000元',
      ],
      4700,
    ],
    ['an application of no pages', { method: 'per_page', pages: 0 }, [], 0],
  ])('%s', (_situation, basis, texts, total) => {
    const breakdown = feeBreakdown(basis);
    expect(breakdown.lines.map((line) => line.text)).toEqual(texts);
    expect(breakdown.total).toBe(total);
    expect(breakdown.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(total);
    expect(applicationFee(basis)).toBe(total);
  });

  it('refuses a bad number in the breakdown too', () => {
    expect(() => feeBreakdown({ method: 'per_page', pages: -5 })).toThrow('页数应为不小于0的整数');
  });

  it('cannot charge one application both ways (a type error)', () => {
    // @ts-expect-error 109号 第三条: one method per application, never both
    const both: FeeBasis = { method: 'per_page', pages: 40, pieces: 3 };
    expect(both.method).toBe('per_page');
  });
});
