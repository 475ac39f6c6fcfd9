import { describe, expect, it } from 'vitest';
import { parseFigures } from './figures.ts';

describe('parseFigures', () => {
  const by = { year: 2022, format: '2021' } as const;
  const good = { licenseDecisions: 3, penaltyDecisions: '4', enforcementDecisions: 0, feesWan: '35.5' };
  const counts = { licenseDecisions: 3, penaltyDecisions: 4, enforcementDecisions: 0 };

  it.each<[string, unknown, number, string]>([
    ['whole 万元', '706', 706_000_000, '706'],
    ['six decimals, as a real report prints them', '24252.311082', 24_252_311_082, '24252.311082'],
    ['trailing zeros kept as entered', '0.350000', 350_000, '0.350000'],
    ['surrounding blanks trimmed', ' 35.5 ', 35_500_000, '35.5'],
    ['a spreadsheet’s number cell (its shortest decimal)', 24252.311082, 24_252_311_082, '24252.311082'],
  ])('keeps fees exactly, as 分 and as entered: %s', (_situation, feesWan, feesFen, text) => {
    expect(parseFigures({ ...good, feesWan }, by)).toEqual({
      figures: { ...counts, feesFen, feesWan: text },
      issues: [],
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a negative count', { penaltyDecisions: -1 }, 'penaltyDecisions', '不小于 0 的整数'],
    ['a fractional count', { licenseDecisions: 1.5 }, 'licenseDecisions', '不小于 0 的整数'],
    ['a missing count', { enforcementDecisions: undefined }, 'enforcementDecisions', '为空'],
    ['fees with seven decimals', { feesWan: '1.2345678' }, 'feesWan', '小数超过六位（1分为0.000001万元）'],
    ['negative fees', { feesWan: '-3' }, 'feesWan', '不能为负数'],
    [
      'fees with a thousands separator',
      { feesWan: '24,252.311082' },
      'feesWan',
      '最多六位小数的金额（万元）',
    ],
    ['fees beyond the bound', { feesWan: '1000000000' }, 'feesWan', '超过上限999999999.999999万元'],
    ['fees in exponent notation', { feesWan: '1e3' }, 'feesWan', '不是数字写法'],
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
  const good = { licenseDecisions: 3, penaltyDecisions: 4, enforcementDecisions: 0, feesWan: '0' };

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
        feesFen: 0,
        procurementAmountFen: 18_471_850,
        procurementAmountYuan: '184718.50',
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
      '不能为负数',
    ],
    [
      'a purchase amount with three decimals',
      { procurementAmountYuan: '1.005' },
      '采购总金额',
      '小数超过两位（1分为0.01元）',
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
    const result = parseFigures({ ...good, feesWan: undefined, licenseItemsPrev: 1 }, y2020);
    expect(result.issues).toEqual([
      { field: 'feesWan', message: '“行政事业性收费 本年收费金额（万元）”为空，请填写；没有的填 0。' },
    ]);
  });
});

describe('parseFigures for a year in the 2021 format', () => {
  const y2022 = { year: 2022, format: '2021' } as const;
  const good = { licenseDecisions: 3, penaltyDecisions: 4, enforcementDecisions: 0, feesWan: '0' };

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
      figures: { ...good, feesFen: 0 },
      issues: [],
    });
  });
});
