import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReport } from '../../test/fixtures/seed-report.ts';
import { formatById } from '../domain/report/formats/registry.ts';
import { REPORT_SECTIONS } from '../domain/report/sections.ts';
import type { AnnualReport, Cells } from '../domain/report/types.ts';
import { renderReportDocx } from './docx.ts';
import { NO_OUTCOMES_NOTE } from './docx-chart.ts';
import { scaleWidths } from './docx-table.ts';
import { minimalReport } from './testing.ts';

const {
  cellCodes: CELL_CODES,
  decimalCells: [DECIMAL_CELL],
} = formatById('2021');

/** Values that occur once in the report, each in one table. */
const DISTINCTIVE: Array<[code: string, value: number | string, table: number]> = [
  ['t2.license.decisions', 5416, 0],
  [DECIMAL_CELL, '70.6125', 0],
  ['t3.partial.business', 7919, 1],
  ['t3.carried_out.total', 8123, 1],
  ['t4.suit_after_review.pending', 4242, 2],
];

function testReport(overrides: Partial<AnnualReport> = {}): AnnualReport {
  const cells: Cells = Object.fromEntries(CELL_CODES.map((code) => [code, code === DECIMAL_CELL ? '0' : 0]));
  for (const [code, value] of DISTINCTIVE) cells[code] = value;
  return minimalReport({ cells, ...overrides });
}

async function documentXml(
  report: AnnualReport,
  options: { preview?: boolean } = {},
): Promise<{ xml: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(await renderReportDocx(report, options));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { xml, zip };
}

const tablesOf = (xml: string): string[] => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const partOf = async (zip: JSZip, path: string): Promise<string> =>
  (await zip.file(path)?.async('string')) ?? '';
/** The cached points of a chart's categories (`c:cat`) or values (`c:val`). */
const cacheOf = (chart: string, tag: 'c:cat' | 'c:val'): string[] => {
  const cache = chart.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1] ?? '';
  return [...cache.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
};

describe('renderReportDocx', () => {
  let xml = '';
  let zip: JSZip;
  beforeAll(async () => {
    ({ xml, zip } = await documentXml(testReport()));
  });

  it('is an A4 portrait page with the GB/T 9704 margins', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('opens with the agency name and the report title', () => {
    const text = textOf(xml);
    const title = '测试区管理委员会2021年政府信息公开工作年度报告';
    expect(text.slice(0, title.length)).toBe(title);
  });

  it('prints the six headings in order', () => {
    const positions = REPORT_SECTIONS.map((s) => xml.indexOf(`>${s.heading}<`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has the three report tables and no other', () => {
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
  });

  it.each(DISTINCTIVE)('shows %s = %s in table %i only', (_code, value, table) => {
    const cell = `<w:t xml:space="preserve">${value}</w:t>`;
    const hits = tablesOf(xml).flatMap((t, i) => (t.includes(cell) ? [i] : []));
    expect(hits).toEqual([table]);
  });

  it('merges cells across columns and rows', () => {
    const [t2, t3, t4] = tablesOf(xml);
    expect(t2).toContain('<w:gridSpan w:val="4"/>');
    expect(t3).toContain('<w:vMerge w:val="restart"/>');
    expect(t3).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
    expect(t4).toContain('<w:gridSpan w:val="10"/>');
  });

  it.each([0, 1, 2])('table %i: every row spans the whole grid', (index) => {
    const table = tablesOf(xml)[index];
    const columns = (table.match(/<w:gridCol /g) ?? []).length;
    for (const row of table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []) {
      const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      const span = cells.reduce((sum, c) => sum + Number(c.match(/<w:gridSpan w:val="(\d+)"/)?.[1] ?? 1), 0);
      expect(span).toBe(columns);
    }
  });

  it('repeats the header rows of table 三 on every page', () => {
    expect(tablesOf(xml)[1].match(/<w:tblHeader\/>/g)).toHaveLength(3);
  });

  it.each([
    ['title', '方正小标宋简体', '2号', 44],
    ['body', '仿宋_GB2312', '3号', 32],
    ['headings', '黑体', '3号', 32],
    ['lead-ins', '楷体_GB2312', '3号', 32],
    ['tables', '宋体', '五号', 21],
  ])('sets the %s in %s %s', (_part, font, _size, halfPoints) => {
    const run = new RegExp(
      `<w:rFonts[^>]*w:eastAsia="${font}"[^>]*/>(?:<[^>]+/>)*<w:sz w:val="${halfPoints}"/>`,
    );
    expect(xml).toMatch(run);
  });

  it('names a substitute for each Chinese font in the font table', async () => {
    const fonts = await partOf(zip, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('scales column weights to whole twips that add up', () => {
    expect(scaleWidths([2, 3, 8, 2], 8845).reduce((a, b) => a + b, 0)).toBe(8845);
  });

  it('lists no validation results for a clean report', () => {
    expect(xml).not.toContain('校验结果');
  });

  it('lists the validation results at the end of the staff preview', async () => {
    const violation = {
      code: 'R1.total',
      rule: 'R1',
      severity: 'error' as const,
      cells: ['t3.new.total'],
      message: '本年新收与上年结转之和不等于办理结果总计与结转下年之和',
    };
    const { xml: withViolations } = await documentXml(testReport({ violations: [violation] }), {
      preview: true,
    });
    const text = textOf(withViolations);
    expect(text.indexOf('校验结果')).toBeGreaterThan(text.indexOf('六、其他需要报告的事项'));
    expect(text).toContain(
      `【错误】R1.total ${violation.message}（涉及单元格：表三“一、本年新收政府信息公开申请数量”行“总计”列）`,
    );
  });

  it('never lists validation output in a published version; prints its 说明 instead (条例 第五十条)', async () => {
    const violation = {
      code: 'R1',
      rule: '新收加结转等于办结加结转下年度',
      severity: 'error' as const,
      cells: ['t3.new.total'],
      message: '本年新收与上年结转之和不等于办理结果总计与结转下年之和',
    };
    const publicationNote = '表三数据待复核，先行公布。';
    const { xml: published } = await documentXml(testReport({ violations: [violation], publicationNote }));
    const text = textOf(published);
    expect(text).not.toMatch(/校验结果|【错误】|涉及单元格|不等于办理结果总计/);
    expect(text).toContain(`说明：${publicationNote}`);
    expect(text.indexOf('说明：')).toBeLessThan(text.indexOf('一、总体情况'));
  });
});

describe('the charts', () => {
  let xml = '';
  let zip: JSZip;
  let charts: string[] = [];
  beforeAll(async () => {
    ({ xml, zip } = await documentXml(seedReport()));
    charts = await Promise.all([1, 2].map((n) => partOf(zip, `word/charts/chart${n}.xml`)));
  });

  it('are chart parts with their workbooks, related from document.xml, and no images', async () => {
    const rels = await partOf(zip, 'word/_rels/document.xml.rels');
    const target = (id: string) => rels.match(new RegExp(`Id="${id}" Type="[^"]+/chart" Target="([^"]+)"`));
    const ids = [...xml.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => target(m[1])?.[1]);
    expect(ids).toEqual(['charts/chart1.xml', 'charts/chart2.xml']);
    expect(zip.file(/^word\/embeddings\/.*\.xlsx$/)).toHaveLength(2);
    expect(zip.file(/^word\/media\//)).toHaveLength(0);
  });

  it('draws the seed publications per channel as columns, a value on each', () => {
    const [chart] = charts;
    expect(chart).toContain('<c:barChart><c:barDir val="col"/>');
    expect(chart).toContain('<a:t>2021年公开信息情况</a:t>');
    expect(cacheOf(chart, 'c:cat')).toEqual(['网站', '微信', '微博', '抖音']);
    expect(cacheOf(chart, 'c:val')).toEqual(['4325', '3330', '1352', '175']);
    expect(chart).toMatch(/<c:ser>[\s\S]*<c:dLbls>[\s\S]*<c:showVal val="1"\/>[\s\S]*<\/c:ser>/);
  });

  it('draws the seed outcomes as a pie: category, value and percentage on each slice', () => {
    const pie = charts[1];
    expect(pie).toContain('<c:pieChart>');
    expect(pie).not.toContain('<c:barChart>');
    expect(pie).toContain('<a:t>2021年依申请公开处理情况</a:t>');
    expect(cacheOf(pie, 'c:cat')).toEqual(['予以公开', '部分公开', '无法提供', '其他处理']);
    expect(cacheOf(pie, 'c:val')).toEqual(['1', '2', '2', '1']);
    const labels = pie.match(/<c:ser>[\s\S]*?<c:dLbls>([\s\S]*?)<\/c:dLbls>/)?.[1] ?? '';
    expect(labels).toMatch(/<c:showVal val="1"\/><c:showCatName val="1"\/>.*<c:showPercent val="1"\/>/);
  });

  it('sets the charts in 宋体, 14 × 8 cm (in EMU), each with its caption centred below', async () => {
    const typeface = '<a:latin typeface="宋体"/><a:ea typeface="+mn-ea"/>';
    expect(charts.every((chart) => chart.includes(typeface))).toBe(true);
    expect(await partOf(zip, 'word/theme/theme1.xml')).toMatch(/<a:minorFont>.*?<a:ea typeface="宋体"\/>/);
    expect(xml.match(/<wp:extent cx="5038725" cy="2876550"\/>/g)).toHaveLength(2);
    expect(xml).toMatch(/<c:chart [\s\S]*>附图1<[\s\S]*<c:chart [\s\S]*>附图2</);
    expect(xml).toMatch(
      /<w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr>(?:<[^>]+\/>)+<\/w:rPr><w:t[^>]*>附图2</,
    );
  });

  it('leave out the outcomes that did not occur, and say so instead of an empty pie', async () => {
    const { zip: some } = await documentXml(testReport()); // 予以公开 1, 部分公开 0
    expect(cacheOf(await partOf(some, 'word/charts/chart2.xml'), 'c:cat')).toEqual(['予以公开']);
    const charts = { ...testReport().charts, requestOutcomes: [{ label: '予以公开', value: 0 }] };
    const { xml: none, zip: noneZip } = await documentXml(testReport({ charts }));
    expect(noneZip.file(/^word\/charts\/chart\d/).map((f) => f.name)).toEqual(['word/charts/chart1.xml']);
    expect(textOf(none).endsWith(`附图1${NO_OUTCOMES_NOTE}`)).toBe(true);
  });
});
