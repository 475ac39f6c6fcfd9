import { beforeAll, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { loadDemo } from '../src/commands/load-demo.ts';
import { testContext } from '../src/commands/testing-context.ts';
import { loadReportFacts } from '../src/db/queries/report-facts.ts';
import { formatById } from '../src/domain/report/formats/registry.ts';
import { sectionTexts } from '../src/domain/report/sections.ts';
import type { AnnualReport } from '../src/domain/report/types.ts';
import { describeEachDatabase } from './databases.ts';
import { SEED_CHARTS, SEED_NONZERO_CELLS } from './fixtures/seed-expectations.ts';
import { seedFacts } from './fixtures/seed-report.ts';

const { cellCodes: CELL_CODES } = formatById('2021');

/** The figures of the seed's 一、总体情况, as the generated narrative must state them. */
const SEED_PHRASES = [
  '公开信息9182条（较上年度增加45.1%，含网站信息4325条、微信信息3330条、微博信息1352条、抖音信息175条）',
  '其中公开会议30次',
  '发布政策文件18件，发布解读材料18件（较上年度增加200%）',
  '开展在线访谈8次（较上年度增加167%）',
  '本年新收政府信息公开申请6件（较上年度增加200%），依法依规处理6件',
  '其中，网络提交申请5件，信函提交申请1件',
  '予以公开1件，部分公开2件，本机关不掌握相关政府信息无法提供2件，申请人无正当理由逾期不补正做其他处理1件',
  '无向政府信息公开申请人进行收费的情况',
  '无因政府信息公开引起的行政复议和行政诉讼',
  '截至2021年12月31日，现行有效件数11件',
];

describeEachDatabase('the demo agency reproduces the seed report', (use) => {
  let report: AnnualReport;
  beforeAll(async () => {
    const loaded = await loadDemo(testContext(use(), { actor: { username: 'gongkai demo' } }));
    expect(loaded.problems).toEqual([]);
    const built = await buildAnnualReport(use(), 'lingang', 2021);
    if (!built) throw new Error('no report');
    report = built;
  });

  const expected = new Map(SEED_NONZERO_CELLS);
  it.each(CELL_CODES.map((code) => [code, expected.get(code) ?? 0]))('cell %s = %s', (code, value) => {
    expect(report.cells[code]).toBe(value);
  });

  it.each(SEED_PHRASES)('the narrative states “%s”', (phrase) => {
    expect(sectionTexts(report.narrative.overview).join('')).toContain(phrase);
  });

  it('keeps the staff text of the seed around the generated sentences', () => {
    const overview = sectionTexts(report.narrative.overview);
    expect(overview[0]).toMatch(/^1\.主动公开。2021年，临港区加大对涉及公众利益调整/);
    expect(overview[4]).toMatch(/^5\.监督保障。将政务公开纳入区级年度考核/);
    expect(sectionTexts(report.narrative.problems)).toHaveLength(4);
  });

  it('draws both charts of the seed', () => {
    expect(report.charts).toEqual(SEED_CHARTS);
  });

  it('breaks no rule', () => {
    expect(report.violations).toEqual([]);
  });

  it('computes with SQL exactly the facts the in-memory aggregation computes from the same records', async () => {
    const facts = await loadReportFacts(use(), 'lingang', 2021);
    expect(facts).toEqual(seedFacts());
  });

  it('reloads the demo agency without duplicating anything', async () => {
    expect((await loadDemo(testContext(use(), { actor: { username: 'gongkai demo' } }))).ok).toBe(true);
    const again = await buildAnnualReport(use(), 'lingang', 2021);
    expect(again?.cells).toEqual(report.cells);
  });
});
