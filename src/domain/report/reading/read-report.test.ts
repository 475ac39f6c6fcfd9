import { describe, expect, it } from 'vitest';
import { seedFacts, seedReport } from '../../../../test/fixtures/seed-report.ts';
import { buildReport } from '../build.ts';
import { FORMAT_2019 } from '../formats/2019/index.ts';
import { formatById } from '../formats/registry.ts';
import type { AnnualReport } from '../types.ts';
import { DEGRADATIONS, type Degradation, degrade } from './degrade.ts';
import type { SourceDocument } from './document.ts';
import { documentOfReport } from './from-report.ts';
import { readReport, sectionOf } from './read-report.ts';
import { rowSpecs } from './row-specs.ts';

const report2021 = seedReport();
const report2019: AnnualReport = (() => {
  const facts = seedFacts();
  return buildReport(
    { ...facts, year: 2020, current: { ...facts.current, year: 2020 }, previous: null },
    { narrative: report2021.narrative, publishedOn: null },
    { format: FORMAT_2019 },
  );
})();

/** Cells read differently from the report's (null where the report printed a blank). */
function wrongCells(
  report: AnnualReport,
  doc: SourceDocument,
  blank: ReadonlySet<string> = new Set(),
  flat = false,
) {
  const read = readReport(doc);
  expect(read.format).toBe(report.format);
  // a table flattened to text loses its blank cells: a row that had one cannot be placed
  const lost = new Set(
    flat
      ? rowSpecs(formatById(report.format))
          .filter((spec) => spec.codes.some((c) => report.cells[c] === undefined))
          .flatMap((spec) => spec.codes)
      : [],
  );
  return Object.keys(report.cells).flatMap((code) => {
    const expected =
      lost.has(code) || (blank.has(code) && report.cells[code] === 0) ? null : report.cells[code];
    const got = read.cells[code];
    return String(got) === String(expected)
      ? []
      : [`${code}: ${expected} ≠ ${got} (${read.unreadable[code] ?? ''})`];
  });
}

describe.each([
  ['2021', report2021],
  ['2019', report2019],
])('reading the %s format', (_, report) => {
  it('reads our own report back cell for cell, with its agency, year and sections', () => {
    const read = readReport(documentOfReport(report));
    expect(wrongCells(report, documentOfReport(report))).toEqual([]);
    expect(read.agency).toBe('威海临港经济技术开发区管理委员会');
    expect(read.year).toBe(report.year);
    expect(read.formatBy).toBe('heads');
    expect(read.confidence).toEqual({ t2: 1, t3: 1, t4: 1 });
    expect(read.sections.map((s) => s.printedHeading)).toEqual(FORMAT_2019.sections.map((s) => s.heading));
    expect(read.sections[0]?.text).toContain('依申请公开');
  });

  it.each(DEGRADATIONS.map((d) => [d]))('reads it back through %s', (how: Degradation) => {
    const { doc } = degrade(documentOfReport(report), how);
    const flat = how === 'one_value_per_line' || how === 'text_lines';
    expect(wrongCells(report, doc, new Set(), flat)).toEqual([]);
  });

  it('reads it back through every damage at once (split labels, typos, full-width, page numbers)', () => {
    let doc = documentOfReport(report);
    for (const how of [
      'split_labels',
      'label_typos',
      'full_width',
      'thousands',
      'page_numbers',
      'page_break_in_table',
    ] as const)
      doc = degrade(doc, how).doc;
    expect(wrongCells(report, doc)).toEqual([]);
  });

  it('reads blank cells as null, saying so, and keeps the others in their columns', () => {
    const blank = new Set(Object.keys(report.cells).filter((c, i) => report.cells[c] === 0 && i % 2 === 0));
    const doc = documentOfReport(report, 'html', blank);
    expect(wrongCells(report, doc, blank)).toEqual([]);
    const read = readReport(doc);
    const one = [...blank][0] as string;
    expect(read.unreadable[one]).toBe('表中此格为空');
  });
});

describe('what is not there is never guessed', () => {
  it('a table printed as an image: its cells null, the reason given', () => {
    const doc = documentOfReport(report2021);
    const t3 = doc.blocks.findIndex((b) => b.kind === 'table' && b.rows.length > 20);
    doc.blocks[t3] = { kind: 'image' };
    const read = readReport(doc);
    expect(read.cells['t3.new.total']).toBeNull();
    expect(read.unreadable['t3.new.total']).toContain('表格为图片');
    expect(read.cells['t2.license.decisions']).toBe(5416);
    expect(read.cells['t4.review.total']).toBe(0);
    expect(read.confidence.t3).toBe(0);
  });

  it('a row missing from the table: null for its cells, the rows around it still right', () => {
    const doc = documentOfReport(report2021);
    for (const b of doc.blocks)
      if (b.kind === 'table') b.rows = b.rows.filter((row) => !row.some((c) => c.text === '2.重复申请'));
    const read = readReport(doc);
    expect(read.cells['t3.not_processed.duplicate.total']).toBeNull();
    expect(read.unreadable['t3.not_processed.duplicate.total']).toBe('未找到“2.重复申请”行');
    expect(read.cells['t3.unable.not_held.total']).toBe(2);
    expect(read.cells['t3.other.no_correction.total']).toBe(1);
  });

  it('the (六) rows printed as one in a 2021 report: kept under the 2019 code, the three rows left unread', () => {
    const doc = documentOfReport(report2021);
    for (const b of doc.blocks) {
      if (b.kind !== 'table') continue;
      const first = b.rows.findIndex((row) => row.some((c) => c.text.startsWith('1.申请人无正当理由')));
      if (first < 0) continue;
      b.rows.splice(first, 3, [
        { text: '（六）其他处理', colSpan: 2 },
        ...['1', '0', '0', '0', '0', '0', '1'].map((text) => ({ text })),
      ]);
    }
    const read = readReport(doc);
    expect(read.cells['t3.other.total']).toBe(1);
    expect(read.cells['t3.other.no_correction.total']).toBeNull();
    expect(read.unreadable['t3.other.no_correction.total']).toContain('（六）其他处理');
    expect(read.cells['t3.total.total']).toBe(6);
  });
});

describe('section headings as reports print them', () => {
  it.each([
    ['一、总体情况', 'overview'],
    ['2、 主动公开政府信息情况统计表', 'proactive'],
    ['（三）收到和处理政府信息公开申请情况', 'requests'],
    ['4、 政府信息公开工作被申请行政复议、提起行政诉讼情况', 'reviews'],
    ['四、政府信息公开行政复议、行政诉讼情况', 'reviews'],
    ['五、存在的主要问题和改进情况', 'problems'],
    ['第六部分 其他需要报告的事项', 'other'],
    ['内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。', null],
    ['2021年，临港区主动公开政府信息情况良好，发布信息9182条，较上年度增加45.1%，其中网站4325条', null],
  ])('%s → %s', (text, key) => {
    expect(sectionOf(text)).toBe(key);
  });
});
