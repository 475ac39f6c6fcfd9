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

describe('parseFigures for a year in the 2019 format', () => {
  const y2020 = { year: 2020, format: '2019' } as const;
  const good = { licenseDecisions: 3, penaltyDecisions: 4, enforcementDecisions: 0, feesYuan: 0 };

  it('keeps the format’s own figures when stated and leaves blank ones out (not 0)', () => {
    const stated = {
      licenseItemsPrev: '120',
      licenseItemsChange: '-8',
      otherServicesDecisions: 0,
      procurementProjects: 22,
      procurementAmountYuan: '184718.50',
      penaltyItemsPrev: '',
      feesItemsChange: null,
    };
    expect(parseFigures({ ...good, ...stated }, y2020)).toEqual({
      figures: {
        ...good,
        licenseItemsPrev: 120,
        licenseItemsChange: -8,
        otherServicesDecisions: 0,
        procurementProjects: 22,
        procurementAmountYuan: 184719,
      },
      issues: [],
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a negative 上一年项目数量',
      { feesItemsPrev: -1 },
      '“行政事业性收费 上一年项目数量”',
      '不小于 0 的整数',
    ],
    ['a fractional 本年增/减', { penaltyItemsChange: '-1.5' }, '“行政处罚 本年增/减”', '整数（减少时为负数'],
    [
      'a negative purchase amount',
      { procurementAmountYuan: -5 },
      '“政府集中采购 采购总金额（元）”',
      '最多两位小数',
    ],
    [
      'a purchase amount with three decimals',
      { procurementAmountYuan: '1.005' },
      '采购总金额',
      '最多两位小数',
    ],
    [
      'a count written in words',
      { procurementProjects: '二十二' },
      '“政府集中采购 采购项目数量”',
      '不小于 0 的整数',
    ],
  ])('refuses %s, naming the figure in Chinese', (_situation, change, label, words) => {
    const result = parseFigures({ ...good, ...change }, y2020);
    expect(result.figures).toBeNull();
    expect(result.issues).toEqual([
      { field: Object.keys(change)[0], message: expect.stringContaining(words) },
    ]);
    expect(result.issues[0].message).toContain(label);
    expect(result.issues[0].message).not.toContain(Object.keys(change)[0]);
  });

  it('still requires the four of every year', () => {
    const result = parseFigures({ ...good, feesYuan: undefined, licenseItemsPrev: 1 }, y2020);
    expect(result.issues).toEqual([
      { field: 'feesYuan', message: '“行政事业性收费 本年收费金额（元）”为空，请填写；没有的填 0。' },
    ]);
  });
});

describe('parseFigures for a year in the 2021 format', () => {
  const y2022 = { year: 2022, format: '2021' } as const;
  const good = { licenseDecisions: 3, penaltyDecisions: 4, enforcementDecisions: 0, feesYuan: 0 };

  it.each<[string, Record<string, unknown>, string, string]>([
    ['上一年项目数量', { licenseItemsPrev: 5 }, 'licenseItemsPrev', '“行政许可 上一年项目数量”'],
    ['本年增/减', { enforcementItemsChange: '-2' }, 'enforcementItemsChange', '“行政强制 本年增/减”'],
    [
      '政府集中采购',
      { procurementAmountYuan: 0 },
      'procurementAmountYuan',
      '“政府集中采购 采购总金额（元）”',
    ],
  ])('refuses the 2019 format’s %s, naming it in Chinese', (_situation, change, field, label) => {
    const result = parseFigures({ ...good, ...change }, { ...y2022, fieldPrefix: 'figures.' });
    expect(result.issues).toEqual([
      {
        field: `figures.${field}`,
        message: `${label}是2019年版报告格式独有的数据，2022 年度报告采用 2021 年版格式，没有这一项；请留空。`,
      },
    ]);
  });

  it('accepts them blank', () => {
    expect(parseFigures({ ...good, licenseItemsPrev: null, procurementProjects: '' }, y2022)).toEqual({
      figures: good,
      issues: [],
    });
  });
});
