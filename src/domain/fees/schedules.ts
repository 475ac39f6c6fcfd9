/**
 * The two progressive (超额累进) schedules of the 信息处理费, 《政府信息公开信息处理费管理办法》
 * (国办函〔2020〕109号). Amounts are whole 元.
 *
 * 第三条: 信息处理费可以按件计收，也可以按量计收，均按照超额累进方式计算收费金额。行政机关对每件申请可以
 * 根据实际情况选择适用其中一种标准，但不得同时按照两种标准重复计算。
 */

/** One band of a schedule: units `from`–`to` (inclusive; `to` null: no upper end) at `rate` 元 each. */
export interface Band {
  from: number;
  to: number | null;
  rate: number;
}

/** A progressive schedule: the band that holds unit n, and the fee of units 1–n (closed form). */
export interface Schedule {
  unit: '件' | '页';
  bandAt(n: number): Band;
  cumulative(n: number): number;
}

/**
 * 按件计收, 第四条: 同一申请人一个自然月内累计申请 (一) 10件以下（含10件）的，不收费；(二) 11—30件
 * （含30件）的部分：100元/件；(三) 31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件.
 * So 31–40: 200, 41–50: 300, …元/件.
 */
export const PER_PIECE: Schedule = {
  unit: '件',
  bandAt(n) {
    if (n <= 10) return { from: 1, to: 10, rate: 0 };
    if (n <= 30) return { from: 11, to: 30, rate: 100 };
    const k = Math.floor((n - 31) / 10);
    return { from: 31 + 10 * k, to: 40 + 10 * k, rate: 200 + 100 * k };
  },
  cumulative(n) {
    if (n <= 10) return 0;
    if (n <= 30) return (n - 10) * 100;
    // Full bands above 30 (k of them, rates 200, 300, …) and the r pieces of the band in progress.
    const k = Math.floor((n - 30) / 10);
    const r = (n - 30) % 10;
    return 2000 + 100 * (10 * (2 * k + (k * (k - 1)) / 2) + r * (2 + k));
  },
};

const PAGE_BANDS: readonly Band[] = [
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: null, rate: 40 },
];

/**
 * 按量计收, 第五条 (纸质件、电子邮件、复制电子数据等, per application): 30页以下（含30页）的，不收费；
 * 31—100页（含100页）的部分：10元/页；101—200页（含200页）的部分：20元/页；201页以上的部分：40元/页.
 */
export const PER_PAGE: Schedule = {
  unit: '页',
  bandAt(n) {
    return PAGE_BANDS.find((band) => band.to === null || n <= band.to) ?? PAGE_BANDS[PAGE_BANDS.length - 1];
  },
  cumulative(n) {
    let total = 0;
    for (const band of PAGE_BANDS) {
      if (n < band.from) break;
      const upTo = band.to === null ? n : Math.min(n, band.to);
      total += (upTo - band.from + 1) * band.rate;
    }
    return total;
  },
};
