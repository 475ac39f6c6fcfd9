import { describe, expect, it } from 'vitest';
import { seedRecords } from '../../../../../test/fixtures/seed-report.ts';
import { buildReport } from '../../build.ts';
import { yearFactsFromRecords } from '../../facts.ts';
import { FIGURE_FIELDS } from '../../figures.ts';
import type { AdminFigures, ReportFacts } from '../../types.ts';
import { validateReport } from '../../validate.ts';
import { formatById } from '../registry.ts';

const F2019 = formatById('2019');
const F2021 = formatById('2021');
const records = seedRecords();
const BASE: AdminFigures = {
  licenseDecisions: 4980,
  penaltyDecisions: 240,
  enforcementDecisions: 18,
  feesFen: 0,
  feesWan: '0',
};

/** The seed's 2020 facts with these yearly figures. */
function factsWith(admin: AdminFigures): ReportFacts {
  return {
    agency: records.agency,
    year: 2020,
    current: { ...yearFactsFromRecords(records, 2020), admin },
    previous: yearFactsFromRecords(records, 2019),
  };
}

const printed = (cells: Record<string, number | string>, code: string, format = F2019) =>
  format
    .tables(cells)
    .flatMap((t) => t.rows.flat())
    .find((c) => c.code === code)?.text;

describe('the 2019 format’s own figures', () => {
  it.each<[string, Partial<AdminFigures>, string, number | string]>([
    ['行政许可 上一年项目数量', { licenseItemsPrev: 120 }, 't2.license.items_prev', 120],
    ['行政许可 本年增/减 (a decrease)', { licenseItemsChange: -8 }, 't2.license.items_change', -8],
    [
      '其他对外管理服务事项 上一年项目数量',
      { otherServicesItemsPrev: 15 },
      't2.other_services.items_prev',
      15,
    ],
    ['其他对外管理服务事项 本年增/减', { otherServicesItemsChange: 2 }, 't2.other_services.items_change', 2],
    [
      '其他对外管理服务事项 处理决定数量',
      { otherServicesDecisions: 310 },
      't2.other_services.decisions',
      310,
    ],
    ['行政处罚 上一年项目数量', { penaltyItemsPrev: 40 }, 't2.penalty.items_prev', 40],
    ['行政处罚 本年增/减', { penaltyItemsChange: 0 }, 't2.penalty.items_change', 0],
    ['行政强制 上一年项目数量', { enforcementItemsPrev: 9 }, 't2.enforcement.items_prev', 9],
    ['行政强制 本年增/减', { enforcementItemsChange: -1 }, 't2.enforcement.items_change', -1],
    ['行政事业性收费 上一年项目数量', { feesItemsPrev: 3 }, 't2.fees.items_prev', 3],
    ['行政事业性收费 本年增/减', { feesItemsChange: -3 }, 't2.fees.items_change', -3],
    ['政府集中采购 采购项目数量', { procurementProjects: 22 }, 't2.procurement.projects', 22],
    [
      '政府集中采购 采购总金额（元）',
      { procurementAmountFen: 18_471_900, procurementAmountYuan: '184719' },
      't2.procurement.amount_yuan',
      '184719',
    ],
    [
      '政府集中采购 采购总金额（元） to the 角, printed as entered',
      { procurementAmountFen: 18_471_860, procurementAmountYuan: '184718.6' },
      't2.procurement.amount_yuan',
      '184718.6',
    ],
  ])(
    'stated %s fills its cell, printed in table 二, with no R6 note for it',
    (_figure, stated, code, value) => {
      const report = buildReport(factsWith({ ...BASE, ...stated }), { narrative: null, publishedOn: null });
      expect(report.format).toBe('2019');
      expect(report.cells[code]).toBe(value);
      expect(printed(report.cells, code)).toBe(String(value));
      const r6 = report.violations.filter((v) => v.code === 'R6');
      expect(r6.flatMap((v) => v.cells)).not.toContain(code);
      expect(r6).toHaveLength(F2019.optionalCells.length - 1);
      expect(r6.every((v) => v.severity === 'warning')).toBe(true);
    },
  );

  it('leaves an unstated figure out (not 0): empty in the table, and an R6 warning naming it in Chinese', () => {
    const report = buildReport(factsWith({ ...BASE, procurementProjects: 0 }), {
      narrative: null,
      publishedOn: null,
    });
    expect(report.cells['t2.procurement.projects']).toBe(0);
    expect(report.cells).not.toHaveProperty('t2.procurement.amount_yuan');
    expect(printed(report.cells, 't2.procurement.amount_yuan')).toBe('');
    const note = report.violations.find((v) => v.cells.includes('t2.procurement.amount_yuan'));
    expect(note).toMatchObject({ code: 'R6', severity: 'warning' });
    expect(note?.message).toContain('政府集中采购 采购总金额（元）');
    expect(note?.message).toContain('年度数据');
  });

  it('lists exactly the cells of its own figures as optional, and 2021 has none', () => {
    const own = FIGURE_FIELDS.filter((f) => !f.required).map((f) => f.cell);
    expect([...F2019.optionalCells].sort()).toEqual([...own].sort());
    expect(F2019.optionalCells.every((c) => F2019.cellCodes.includes(c))).toBe(true);
    expect(F2021.optionalCells).toEqual([]);
  });

  it('with every figure stated, the report has no R6 note at all', () => {
    const all = Object.fromEntries(FIGURE_FIELDS.filter((f) => !f.required).map((f) => [f.key, 1]));
    const report = buildReport(factsWith({ ...BASE, ...all }), { narrative: null, publishedOn: null });
    expect(report.violations.filter((v) => v.code === 'R6')).toEqual([]);
  });

  it('is not part of the 2021 format: a 2020 report built in it has no such cells', () => {
    const facts = factsWith({
      ...BASE,
      licenseItemsPrev: 120,
      procurementAmountFen: 500,
      procurementAmountYuan: '5',
    });
    const report = buildReport(facts, { narrative: null, publishedOn: null }, { format: F2021 });
    expect(report.cells).not.toHaveProperty('t2.license.items_prev');
    expect(report.cells).not.toHaveProperty('t2.procurement.amount_yuan');
  });

  it('R6 refuses a negative 上一年项目数量 but not a negative 本年增/减', () => {
    const report = buildReport(factsWith(BASE), { narrative: null, publishedOn: null });
    const cells = { ...report.cells, 't2.fees.items_change': -2, 't2.fees.items_prev': -2 };
    const input = { ...report, format: F2019, agencyKind: report.agency.kind, cells, sections: [] };
    const errors = validateReport(input).filter((v) => v.code === 'R6' && v.severity === 'error');
    expect(errors.map((v) => v.cells)).toEqual([['t2.fees.items_prev']]);
  });
});
