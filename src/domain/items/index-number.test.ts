import { describe, expect, it } from 'vitest';
import { categoryDigits } from './categories.ts';
import { indexNumber, indexPrefixOf, isIndexPrefix } from './index-number.ts';

describe('索引号', () => {
  it.each([
    [
      'a 规范性文件 of an agency with a credit code',
      '11371000MB2856987K',
      2021,
      'a20.1',
      12,
      '11371000MB2856987K/2021-01-00012',
    ],
    ['a budget (第二十条（七）)', '000014349', 2024, 'a20.7', 1, '000014349/2024-07-00001'],
    ['the last category', 'LINGANG', 2021, 'a20.15', 99_999, 'LINGANG/2021-15-99999'],
    ['other information', 'LINGANG', 2022, 'other', 345, 'LINGANG/2022-99-00345'],
  ] as const)('%s', (_situation, prefix, year, category, seq, expected) => {
    expect(indexNumber(prefix, year, category, seq)).toBe(expected);
  });

  it.each([0, -1, 1.5, 100_000])('refuses the sequence number %s', (seq) => {
    expect(() => indexNumber('X', 2021, 'a20.1', seq)).toThrow(RangeError);
  });

  it.each([
    ['the configured prefix', '11371000MB2856987K', 'lingang', '11371000MB2856987K'],
    ['no prefix configured: the agency code in upper case', null, 'lingang', 'LINGANG'],
    ['an unusable prefix: the agency code', 'bad prefix', 'weihai_hr', 'WEIHAI-HR'],
  ] as const)('uses %s', (_situation, configured, code, expected) => {
    expect(indexPrefixOf(configured, code)).toBe(expected);
  });

  it.each([
    ['000014349', true],
    ['11371000MB2856987K', true],
    ['00422501-9', true],
    ['', false],
    ['abc', false],
    ['A'.repeat(33), false],
  ])('%s is a prefix: %s', (text, ok) => {
    expect(isIndexPrefix(text)).toBe(ok);
  });

  it.each([
    ['a20.1', '01'],
    ['a20.10', '10'],
    ['other', '99'],
  ] as const)('category %s has the digits %s', (category, digits) => {
    expect(categoryDigits(category)).toBe(digits);
  });
});
