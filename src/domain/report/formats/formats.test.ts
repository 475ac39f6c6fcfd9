import { describe, expect, it } from 'vitest';
import { seedRecords } from '../../../../test/fixtures/seed-report.ts';
import { buildReport, printedSections } from '../build.ts';
import { cellNumber } from '../cells.ts';
import { yearFactsFromRecords } from '../facts.ts';
import { outcomeRowOf } from '../format.ts';
import type { GridCell, TableModel } from '../table-model.ts';
import type { ReportFacts, YearFacts } from '../types.ts';
import { validateReport } from '../validate.ts';
import { OUTCOMES, T3_COLUMNS } from '../vocabulary.ts';
import { formatById, formatForYear, isFormatId, REPORT_FORMATS } from './registry.ts';

const F2019 = formatById('2019');
const F2021 = formatById('2021');
const records = seedRecords();
const facts2020: YearFacts = yearFactsFromRecords(records, 2020);
const reportFacts2020: ReportFacts = {
  agency: records.agency,
  year: 2020,
  current: facts2020,
  previous: yearFactsFromRecords(records, 2019),
};

const cellsOf = (table: TableModel): GridCell[] => table.rows.flat();
const texts = (table: TableModel): string[] => cellsOf(table).map((c) => c.text);
const codes = (tables: TableModel[]): string[] =>
  tables.flatMap((t) => cellsOf(t).flatMap((c) => (c.code ? [c.code] : [])));

describe('the registry', () => {
  it.each([
    [2008, '2019'],
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2025, '2021'],
  ])('a report on %i is in the %s format', (year, id) => {
    expect(formatForYear(year).id).toBe(id);
  });

  it.each([
    ['2019', true],
    ['2021', true],
    ['2020', false],
    ['', false],
  ])('isFormatId(%j) is %s', (value, expected) => {
    expect(isFormatId(value)).toBe(expected);
  });

  it('gives each format by its id', () => {
    expect(REPORT_FORMATS.map((f) => f.id)).toEqual(['2019', '2021']);
    for (const format of REPORT_FORMATS) expect(formatById(format.id)).toBe(format);
  });
});

describe.each(REPORT_FORMATS.map((f) => [f.id, f] as const))('the %s format', (_id, format) => {
  const cells = format.computeCells(facts2020);
  const tables = format.tables(cells);

  it('computes every cell it has records for, and only those', () => {
    const recorded = format.cellCodes.filter((c) => !format.optionalCells.includes(c));
    expect(Object.keys(cells).sort()).toEqual([...recorded].sort());
  });

  it('lays every cell out exactly once in tables 二, 三, 四', () => {
    expect(codes(tables).sort()).toEqual([...format.cellCodes].sort());
    expect(tables.map((t) => t.id)).toEqual(['t2', 't3', 't4']);
  });

  it('fills every row of each table to the same width', () => {
    for (const table of tables) {
      const width = table.columnWidths.length;
      const covered: number[] = [];
      table.rows.forEach((row, r) => {
        let used = covered[r] ?? 0;
        for (const cell of row) {
          used += cell.colSpan ?? 1;
          for (let k = 1; k < (cell.rowSpan ?? 1); k++)
            covered[r + k] = (covered[r + k] ?? 0) + (cell.colSpan ?? 1);
        }
        expect(used, `${table.id} row ${r}`).toBe(width);
      });
    }
  });

  it('maps every case outcome onto exactly one row', () => {
    for (const outcome of OUTCOMES) {
      expect(format.outcomeRows.filter((row) => row.outcomes.includes(outcome))).toHaveLength(1);
      expect(outcomeRowOf(format, outcome).group).toBe(outcome.split('.')[0]);
    }
  });

  it('adds up: R1, R3, R4 and R5 hold for the demo’s 2020 records', () => {
    const found = validateReport({
      format,
      year: 2020,
      agencyKind: 'development_zone',
      cells,
      previousCells: null,
      sections: [],
      publishedOn: null,
    });
    expect(found.filter((v) => ['R1', 'R3', 'R4', 'R5'].includes(v.code))).toEqual([]);
    expect(cellNumber(cells, 't3.total.total')).toBeGreaterThan(0);
  });
});

describe('the 2019 format', () => {
  const cells = F2019.computeCells(facts2020);
  const [t2, t3] = F2019.tables(cells);

  it.each([
    ['第二十条第（一）项'],
    ['本年新制作数量'],
    ['本年新公开数量'],
    ['对外公开总数量'],
    ['规范性文件'],
    ['其他对外管理服务事项'],
    ['上一年项目数量'],
    ['本年增/减'],
    ['处理决定数量'],
    ['第二十条第（八）项'],
    ['第二十条第（九）项'],
    ['政府集中采购'],
    ['采购项目数量'],
  ])('table 二 prints %s', (text) => {
    expect(texts(t2)).toContain(text);
  });

  it('table 二 (八) has no amount, only the item counts', () => {
    expect(texts(t2).some((t) => t.includes('收费金额'))).toBe(false);
    expect(texts(t2)).not.toContain('本年制发件数');
  });

  it('table 三 prints （六）其他处理 as one row across both label columns, 20 rows of 办理结果', () => {
    const other = cellsOf(t3).find((c) => c.text === '（六）其他处理');
    expect(other?.colSpan).toBe(2);
    expect(cellsOf(t3).find((c) => c.text === '三、本年度办理结果')?.rowSpan).toBe(20);
    expect(texts(t3).some((t) => t.startsWith('1.申请人无正当理由逾期不补正'))).toBe(false);
  });

  it('counts the three “other” outcomes in the one row', () => {
    const decided = facts2020.requests.decided;
    for (const column of T3_COLUMNS.filter((c) => c !== 'total')) {
      const sum = ['other.no_correction', 'other.no_fee', 'other.other'].reduce(
        (acc, o) => acc + (decided[o as 'other.other']?.[column] ?? 0),
        0,
      );
      expect(cells[`t3.other.${column}`]).toBe(sum);
    }
  });

  it.each([
    ['t2.regulation.issued', 'regulation', 'issued'],
    ['t2.normative.issued', 'normative', 'issued'],
    ['t2.normative.published', 'normative', 'issued'],
    ['t2.normative.published_total', 'normative', 'issuedToDate'],
    ['t2.regulation.published_total', 'regulation', 'issuedToDate'],
  ] as const)('%s comes from the registry (%s %s)', (code, kind, field) => {
    expect(cells[code]).toBe(facts2020.normative[kind][field]);
  });

  it('shares the codes of the cells that mean what the 2021 cells mean', () => {
    const shared = F2019.cellCodes.filter((c) => F2021.cellCodes.includes(c));
    for (const code of [
      't2.normative.issued',
      't2.license.decisions',
      't2.penalty.decisions',
      't3.granted.total',
    ])
      expect(shared).toContain(code);
    expect(shared.filter((c) => c.startsWith('t4.'))).toHaveLength(15);
    expect(F2021.cellCodes.filter((c) => c.startsWith('t3.other.') && c.split('.').length === 3)).toEqual([]);
    for (const code of shared)
      expect(F2019.computeCells(facts2020)[code]).toEqual(F2021.computeCells(facts2020)[code]);
  });

  it('has no cell for what the 2019 format did not ask (废止, 现行有效, 收费金额)', () => {
    for (const code of ['t2.normative.repealed', 't2.normative.valid', 't2.fees.amount_wan'])
      expect(F2019.cellCodes).not.toContain(code);
  });
});

describe('the rules per format', () => {
  const report = buildReport(reportFacts2020, { narrative: null, publishedOn: '2021-01-29' });

  it('builds the 2020 report in the 2019 format, citing it', () => {
    expect(report.format).toBe('2019');
    expect(report.preamble[0]).toContain('国办公开办函〔2019〕60号');
    expect(report.preamble[0]).not.toContain('〔2021〕30号');
  });

  it('has no errors on the demo’s 2020 records, and R6 notes each unrecorded cell as a warning', () => {
    expect(report.violations.filter((v) => v.severity === 'error')).toEqual([]);
    const unrecorded = report.violations.filter((v) => v.code === 'R6').flatMap((v) => v.cells);
    expect(unrecorded.sort()).toEqual([...F2019.optionalCells].sort());
    expect(report.violations.filter((v) => v.code === 'R6').every((v) => v.severity === 'warning')).toBe(
      true,
    );
  });

  it('R8 (现行有效件数) applies to the 2021 format only', () => {
    const input = {
      year: 2020,
      agencyKind: 'development_zone' as const,
      cells: { ...report.cells, 't2.normative.valid': 5 },
      previousCells: { 't2.normative.valid': 1, 't2.regulation.valid': 0 },
      sections: printedSections(report.narrative, F2019),
      publishedOn: '2021-01-29',
    };
    expect(validateReport({ ...input, format: F2019 }).filter((v) => v.code === 'R8')).toEqual([]);
    expect(validateReport({ ...input, format: F2021 }).filter((v) => v.code === 'R8')).not.toEqual([]);
  });

  it('R9 reads the 2019 row （六）其他处理 and ignores 现行有效件数, which the format has no cell for', () => {
    const base = {
      format: F2019,
      year: 2020,
      agencyKind: 'development_zone' as const,
      cells: { ...report.cells, 't3.other.total': 2 },
      previousCells: null,
      publishedOn: '2021-01-29',
    };
    const said = (text: string) =>
      validateReport({ ...base, sections: [{ heading: '一、总体情况', text }] }).filter(
        (v) => v.code === 'R9',
      );
    expect(said('其他处理2件。现行有效件数99件。')).toEqual([]);
    expect(said('其他处理3件。')).toEqual([expect.objectContaining({ cells: ['t3.other.total'] })]);
  });

  it('R6 accepts a negative 本年增/减 in the 2019 format and nowhere else', () => {
    const base = {
      year: 2020,
      agencyKind: 'development_zone' as const,
      previousCells: null,
      sections: [],
      publishedOn: '2021-01-29',
    };
    const r6 = (cells: Record<string, number | string>, format = F2019) =>
      validateReport({ ...base, format, cells }).filter((v) => v.code === 'R6' && v.severity === 'error');
    expect(r6({ ...report.cells, 't2.license.items_change': -8 })).toEqual([]);
    expect(r6({ ...report.cells, 't2.license.decisions': -8 })).toEqual([
      expect.objectContaining({ cells: ['t2.license.decisions'] }),
    ]);
  });

  it('an explicit format wins over the year’s', () => {
    expect(
      buildReport(reportFacts2020, { narrative: null, publishedOn: null }, { format: F2021 }).format,
    ).toBe('2021');
  });
});
