import { describe, expect, it } from 'vitest';
import { parseFigures, yuanToWhole } from './figures.ts';

describe('yuanToWhole', () => {
  it.each<[string, string, number | null]>([
    ['whole 元', '7060000', 7060000],
    ['one decimal', '12.5', 13],
    ['two decimals rounding down', '1234.49', 1234],
    ['two decimals rounding half up', '1234.50', 1235],
    ['zero', '0', 0],
    ['surrounding blanks', ' 35 ', 35],
    ['three decimals', '1.234', null],
    ['negative', '-1', null],
    ['a thousands separator', '1,000', null],
    ['text', '一百', null],
  ])('%s: “%s” → %s', (_situation, text, expected) => {
    expect(yuanToWhole(text)).toBe(expected);
  });
});

describe('parseFigures', () => {
  const by = { year: 2022, format: '2021' } as const;
  const good = { licenseDecisions: 3, penaltyDecisions: '4', enforcementDecisions: 0, feesYuan: '35.5' };

  it('accepts numbers and numeric text, fees rounded to whole 元', () => {
    expect(parseFigures(good, by)).toEqual({
      figures: { licenseDecisions: 3, penaltyDecisions: 4, enforcementDecisions: 0, feesYuan: 36 },
      issues: [],
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a negative count', { penaltyDecisions: -1 }, 'penaltyDecisions', '不小于 0 的整数'],
    ['a fractional count', { licenseDecisions: 1.5 }, 'licenseDecisions', '不小于 0 的整数'],
    ['a missing count', { enforcementDecisions: undefined }, 'enforcementDecisions', '为空'],
    ['fees with three decimals', { feesYuan: 1.234 }, 'feesYuan', '最多两位小数'],
    ['negative fees', { feesYuan: '-3' }, 'feesYuan', '最多两位小数'],
  ])('refuses %s, naming the field', (_situation, change, field, words) => {
    const result = parseFigures({ ...good, ...change }, by);
    expect(result.figures).toBeNull();
    expect(result.issues).toEqual([{ field, message: expect.stringContaining(words) }]);
  });

  it('names spreadsheet cells when asked to', () => {
    const result = parseFigures(
      { ...good, penaltyDecisions: 'x' },
      {
        ...by,
        cellOf: (key) => (key === 'penaltyDecisions' ? 'B3' : 'B?'),
      },
    );
    expect(result.issues[0].message).toMatch(/^B3（行政处罚 本年处理决定数量）的值“x”/);
  });
});
