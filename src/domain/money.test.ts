import { describe, expect, it } from 'vitest';
import { prng } from '../demo/lingang.ts';
import {
  agrees,
  fenToWan,
  fenToYuan,
  isWanDecimal,
  MAX_FEN,
  moneyMessage,
  readMoney,
  wanToFen,
  yuanToFen,
} from './money.ts';

describe('fenToWan and fenToYuan', () => {
  it.each([
    ['nothing collected', 0, '0', '0'],
    ['one 分, the smallest amount', 1, '0.000001', '0.01'],
    ['one 角', 10, '0.00001', '0.10'],
    ['one 元', 100, '0.0001', '1'],
    ['one 万元', 1_000_000, '1', '10000'],
    ['a fraction with trailing zeros dropped in 万元', 350_000, '0.35', '3500'],
    ['the seed’s 706 万元', 706_000_000, '706', '7060000'],
    ['the demo’s 2020 figure 652.3 万元', 652_300_000, '652.3', '6523000'],
    ['a real report’s 24252.311082 万元 (242,523,110.82 元)', 24_252_311_082, '24252.311082', '242523110.82'],
    ['a procurement total of 184718.6 元', 18_471_860, '18.47186', '184718.60'],
    ['the largest amount', MAX_FEN, '999999999.999999', '9999999999999.99'],
  ])('%s: %d 分 → %s 万元, %s 元', (_situation, fen, wan, yuan) => {
    expect(fenToWan(fen)).toBe(wan);
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it.each([
    ['a negative amount', -1],
    ['a fraction of a 分', 1.5],
    ['not a number', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['one 分 above the largest amount', MAX_FEN + 1],
    ['an amount beyond exact integers', 2 ** 53],
  ])('throws on %s (%d)', (_situation, fen) => {
    expect(() => fenToWan(fen)).toThrow(RangeError);
    expect(() => fenToYuan(fen)).toThrow(RangeError);
  });

  it('keeps the bound below the largest exact integer', () => {
    expect(MAX_FEN).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});

describe('wanToFen', () => {
  it.each([
    ['zero', '0', 0],
    ['one 分', '0.000001', 1],
    ['one 元', '0.0001', 100],
    ['a whole number of 万元', '706', 706_000_000],
    ['six decimal places', '24252.311082', 24_252_311_082],
    ['six decimals with trailing zeros, as entered', '0.350000', 350_000],
    ['four decimal places', '1.2345', 1_234_500],
    ['one decimal place', '652.3', 652_300_000],
    ['a leading zero', '0706', 706_000_000],
    ['the largest amount', '999999999.999999', MAX_FEN],
  ])('accepts %s: “%s” → %d 分', (_situation, text, fen) => {
    expect(wanToFen(text)).toBe(fen);
    expect(isWanDecimal(text)).toBe(true);
    expect(readMoney(text, 'wan')).toEqual({ ok: true, fen });
  });

  it.each([
    ['seven decimal places', '1.2345678', 'decimals'],
    ['seven decimals even when the last is zero', '0.3500000', 'decimals'],
    ['a negative amount', '-1', 'negative'],
    ['a negative fraction', '-0.5', 'negative'],
    ['an explicit plus sign', '+1', 'format'],
    ['exponent notation', '1e3', 'format'],
    ['not a number', 'NaN', 'format'],
    ['a bare decimal point at the end', '706.', 'format'],
    ['no integer part', '.5', 'format'],
    ['the empty text', '', 'format'],
    ['only spaces', '   ', 'format'],
    ['a thousands separator not allowed here', '24,252.311082', 'format'],
    ['a space inside', '1 000', 'format'],
    ['full-width digits', '７０６', 'format'],
    ['two decimal points', '1.2.3', 'format'],
    ['words', '七百零六', 'format'],
    ['a unit after the number', '706万元', 'format'],
    ['surrounding spaces (a cell must hold the number alone)', ' 706 ', 'format'],
    ['ten integer digits (beyond the bound)', '1000000000', 'too_large'],
  ])('rejects %s: “%s” (%s)', (_situation, text, problem) => {
    expect(wanToFen(text)).toBeNull();
    expect(isWanDecimal(text)).toBe(false);
    expect(readMoney(text, 'wan')).toEqual({ ok: false, problem });
  });

  it.each([
    ['a real report’s figure', '24,252.311082', 24_252_311_082],
    ['millions', '1,234,567.5', 1_234_567_500_000],
    ['no separator at all', '706', 706_000_000],
  ])('accepts thousands separators only when the caller allows them: %s “%s”', (_situation, text, fen) => {
    expect(wanToFen(text, { thousandsSeparators: true })).toBe(fen);
  });

  it.each([
    ['a misplaced separator', '24,25.3'],
    ['a separator in the fraction', '1.234,5'],
    ['a leading separator', ',706'],
  ])('rejects %s even when separators are allowed: “%s”', (_situation, text) => {
    expect(wanToFen(text, { thousandsSeparators: true })).toBeNull();
  });

  it('round-trips every amount up to the bound (random sample)', () => {
    const random = prng(706);
    for (let i = 0; i < 2000; i++) {
      const fen = Math.floor(random() * 10 ** Math.floor(random() * 16)) % (MAX_FEN + 1);
      expect(wanToFen(fenToWan(fen))).toBe(fen);
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    }
  });
});

describe('yuanToFen', () => {
  it.each([
    ['whole 元', '184719', 18_471_900],
    ['one decimal', '184718.6', 18_471_860],
    ['two decimals', '0.01', 1],
    ['the largest amount', '9999999999999.99', MAX_FEN],
  ])('accepts %s: “%s” → %d 分', (_situation, text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each([
    ['three decimals', '1.005', 'decimals'],
    ['fourteen integer digits', '10000000000000', 'too_large'],
    ['a negative amount', '-3', 'negative'],
  ])('rejects %s: “%s” (%s)', (_situation, text, problem) => {
    expect(readMoney(text, 'yuan')).toEqual({ ok: false, problem });
  });
});

describe('moneyMessage', () => {
  it.each([
    [
      '1.2345678',
      'decimals',
      'wan',
      '行政事业性收费（万元）的值“1.2345678”小数超过六位（1分为0.000001万元），应为不小于0、最多六位小数的金额（万元），不超过999999999.999999万元。',
    ],
    [
      '-1',
      'negative',
      'wan',
      '行政事业性收费（万元）的值“-1”不能为负数，应为不小于0、最多六位小数的金额（万元），不超过999999999.999999万元。',
    ],
    [
      '1.005',
      'decimals',
      'yuan',
      '行政事业性收费（万元）的值“1.005”小数超过两位（1分为0.01元），应为不小于0、最多两位小数的金额（元），不超过9999999999999.99元。',
    ],
  ] as const)('names the field and the limit: “%s” (%s)', (text, problem, unit, message) => {
    expect(moneyMessage('行政事业性收费（万元）', text, problem, unit)).toBe(message);
  });
});

describe('agrees', () => {
  it.each([
    [{ fen: 706_000_000, text: '706' }, true],
    [{ fen: 350_000, text: '0.350000' }, true],
    [{ fen: 350_000, text: '0.35' }, true],
    [{ fen: 350_001, text: '0.35' }, false],
    [{ fen: 0, text: '' }, false],
  ])('%o in 万元: %s', (amount, expected) => {
    expect(agrees(amount, 'wan')).toBe(expected);
  });
});
