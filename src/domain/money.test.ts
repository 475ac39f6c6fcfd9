import { describe, expect, it } from 'vitest';
import { prng } from '../demo/lingang.ts';
import { isWanDecimal, wanToYuan, yuanToWan } from './money.ts';

describe('yuanToWan', () => {
  it.each([
    ['nothing collected', 0, '0'],
    ['one 元, the smallest amount', 1, '0.0001'],
    ['ten 元', 10, '0.001'],
    ['one hundred 元', 100, '0.01'],
    ['one thousand 元', 1000, '0.1'],
    ['one 元 short of a 万元', 9999, '0.9999'],
    ['exactly one 万元', 10000, '1'],
    ['one 万元 and one 元', 10001, '1.0001'],
    ['a fraction with trailing zeros dropped', 3500, '0.35'],
    ['four decimal places', 12345, '1.2345'],
    ['the seed’s 706 万元', 7060000, '706'],
    ['the demo’s 2020 figure 652.3 万元', 6523000, '652.3'],
    ['the largest exact amount', Number.MAX_SAFE_INTEGER, '900719925474.0991'],
  ])('%s: %d 元 → %s', (_situation, yuan, wan) => {
    expect(yuanToWan(yuan)).toBe(wan);
  });

  it.each([
    ['a negative amount', -1],
    ['a fraction of a 元', 1.5],
    ['a tiny fraction', 0.0001],
    ['not a number', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['an amount beyond exact integers', 2 ** 53],
  ])('throws on %s (%d)', (_situation, yuan) => {
    expect(() => yuanToWan(yuan)).toThrow(RangeError);
  });
});

describe('wanToYuan and isWanDecimal', () => {
  it.each([
    ['zero', '0', 0],
    ['one 元', '0.0001', 1],
    ['a whole number of 万元', '706', 7060000],
    ['four decimal places', '1.2345', 12345],
    ['two decimal places', '0.35', 3500],
    ['one decimal place', '652.3', 6523000],
    ['trailing zeros', '706.0000', 7060000],
    ['a leading zero', '0706', 7060000],
    ['the largest amount of eleven integer digits', '99999999999.9999', 999999999999999],
  ])('accepts %s: “%s” → %d 元', (_situation, text, yuan) => {
    expect(wanToYuan(text)).toBe(yuan);
    expect(isWanDecimal(text)).toBe(true);
  });

  it.each([
    ['five decimal places', '1.23456'],
    ['a negative amount', '-1'],
    ['an explicit plus sign', '+1'],
    ['exponent notation', '1e3'],
    ['a bare decimal point at the end', '706.'],
    ['no integer part', '.5'],
    ['the empty text', ''],
    ['only spaces', '   '],
    ['a thousands separator', '1,000'],
    ['a space inside', '1 000'],
    ['full-width digits', '７０６'],
    ['two decimal points', '1.2.3'],
    ['words', '七百零六'],
    ['a unit after the number', '706万元'],
    ['thirteen integer digits', '1234567890123'],
    ['twelve integer digits (beyond what is exact in 元)', '123456789012'],
    ['surrounding spaces (a cell must hold the number alone)', ' 706 '],
  ])('rejects %s: “%s”', (_situation, text) => {
    expect(wanToYuan(text)).toBeNull();
    expect(isWanDecimal(text)).toBe(false);
  });

  // Every accepted 万元 text converts to an exact 元 amount and back (no amount beyond the exact range).
  it.each([
    ['one 元 above the largest exact amount', '900719925474.0992'],
    ['the largest amount the pattern allows', '999999999999.9999'],
    ['a whole 万元 amount above the exact range', '999999999999'],
  ])('accepts only amounts it can convert exactly: %s (“%s”)', (_situation, text) => {
    const yuan = wanToYuan(text);
    if (yuan === null) {
      expect(isWanDecimal(text)).toBe(false);
      return;
    }
    expect(Number.isSafeInteger(yuan)).toBe(true);
    expect(yuanToWan(yuan)).toBe(text.replace(/\.?0+$/, ''));
  });

  it('round-trips every whole 元 amount (random sample)', () => {
    const random = prng(706);
    for (let i = 0; i < 1000; i++) {
      const yuan = Math.floor(random() * 10 ** Math.floor(random() * 15));
      expect(wanToYuan(yuanToWan(yuan))).toBe(yuan);
    }
  });
});
