import { describe, expect, it } from 'vitest';
import { SEED_CHARTS } from '../../../test/fixtures/seed-expectations.ts';
import { seedReport } from '../../../test/fixtures/seed-report.ts';
import { printedSections } from './build.ts';
import { formatById } from './formats/registry.ts';

const { cellCodes: CELL_CODES } = formatById('2021');

/**
 * The in-memory golden test: the demo agency's 2021 report, computed from its records, carries
 * every number of the seed (test/fixtures/lingang-2021-annual-report.txt).
 */
const report = seedReport();

/** Every cell of the seed that is not 0 (and the zeros the seed's tables show explicitly in 二). */
const SEED_CELLS: Array<[string, number | string]> = [
  ['t2.regulation.issued', 0],
  ['t2.regulation.repealed', 0],
  ['t2.regulation.valid', 0],
  ['t2.normative.issued', 5],
  ['t2.normative.repealed', 0],
  ['t2.normative.valid', 11],
  ['t2.license.decisions', 5416],
  ['t2.penalty.decisions', 271],
  ['t2.enforcement.decisions', 21],
  ['t2.fees.amount_wan', '706'],
  ['t3.new.natural_person', 6],
  ['t3.new.business', 0],
  ['t3.new.research', 0],
  ['t3.new.social_welfare', 0],
  ['t3.new.legal_service', 0],
  ['t3.new.other_org', 0],
  ['t3.new.total', 6],
  ['t3.carried_in.natural_person', 0],
  ['t3.carried_in.total', 0],
  ['t3.granted.natural_person', 1],
  ['t3.granted.total', 1],
  ['t3.partial.natural_person', 2],
  ['t3.partial.total', 2],
  ['t3.unable.not_held.natural_person', 2],
  ['t3.unable.not_held.total', 2],
  ['t3.other.no_correction.natural_person', 1],
  ['t3.other.no_correction.total', 1],
  ['t3.total.natural_person', 6],
  ['t3.total.total', 6],
  ['t3.carried_out.natural_person', 0],
  ['t3.carried_out.total', 0],
];
const listed = new Set(SEED_CELLS.map(([code]) => code));
/** Every other cell of tables 三 and 四 is 0 in the seed. */
const ZERO_CELLS = CELL_CODES.filter((code) => !listed.has(code));

describe('the seed report (2021, 威海临港经济技术开发区管理委员会)', () => {
  it.each(SEED_CELLS)('%s is %s', (code, value) => {
    expect(report.cells[code]).toBe(value);
  });

  it('lists only cells of tables 三 and 四 as zeros', () => {
    expect(ZERO_CELLS.every((code) => code.startsWith('t3.') || code.startsWith('t4.'))).toBe(true);
    expect(ZERO_CELLS.filter((code) => code.startsWith('t4.'))).toHaveLength(15);
    expect(listed.size + ZERO_CELLS.length).toBe(CELL_CODES.length);
  });

  it.each(ZERO_CELLS.map((code) => [code]))('%s is 0', (code) => {
    expect(report.cells[code]).toBe(0);
  });

  it('has exactly the codes of the format', () => {
    expect(Object.keys(report.cells).sort()).toEqual([...CELL_CODES].sort());
  });

  it('draws the seed’s charts', () => {
    expect(report.charts).toEqual(SEED_CHARTS);
  });

  const text = printedSections(report.narrative, formatById('2021'))
    .map((s) => s.text)
    .join('\n');
  it.each([
    [
      'staff lead-in kept',
      '2021年，临港区加大对涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息公开力度，',
    ],
    [
      'publications',
      '公开信息9182条（较上年度增加45.1%，含网站信息4325条、微信信息3330条、微博信息1352条、抖音信息175条）',
    ],
    ['meetings', '会议30次'],
    ['policy documents and interpretations', '发布政策文件18件，发布解读材料18件（较上年度增加200%）'],
    ['online interviews', '开展在线访谈8次（较上年度增加167%）'],
    ['requests received', '本年新收政府信息公开申请6件（较上年度增加200%），依法依规处理6件。'],
    ['requests by channel', '其中，网络提交申请5件，信函提交申请1件。'],
    [
      'outcomes',
      '予以公开1件，部分公开2件，本机关不掌握相关政府信息无法提供2件，申请人无正当理由逾期不补正做其他处理1件。',
    ],
    ['fees', '无向政府信息公开申请人进行收费的情况。'],
    ['reconsideration and litigation', '无因政府信息公开引起的行政复议和行政诉讼。'],
    ['normative documents in force', '截至2021年12月31日，现行有效件数11件。'],
    ['staff training meetings', '组织开展政务公开业务培训会议2次'],
    ['section 五 plans', '2022年，临港区将着重做好以下三方面工作：'],
    ['section 六 ranking', '位列威海市门户网站检测结果第一名。'],
  ])('states the seed’s %s', (_situation, words) => {
    expect(text).toContain(words);
  });

  it('numbers the five paragraphs of section 一 as the seed does', () => {
    const overview = printedSections(report.narrative, formatById('2021'))[0].text.split('\n');
    expect(overview.map((p) => p.slice(0, p.indexOf('。') + 1))).toEqual([
      '1.主动公开。',
      '2.依申请公开。',
      '3.政府信息管理。',
      '4.政府信息公开平台建设。',
      '5.监督保障。',
    ]);
  });

  it('has the preamble with the agency’s contacts', () => {
    expect(report.preamble[1]).toContain(
      '请与威海临港经济技术开发区管理委员会党政办公室联系（联系地址：威海临港经济技术开发区江苏东路；邮政编码：264211；联系电话：0631-5587393）。',
    );
    expect(report.preamble[1]).toContain('“威海临港经济技术开发区管委会网站”（http://www.wip.gov.cn）');
  });

  it('passes every rule, R7 and R8 against 2020 included', () => {
    expect(report.previousCells).not.toBeNull();
    expect(report.violations).toEqual([]);
  });
});
