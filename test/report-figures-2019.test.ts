import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { readFigures, saveFigures } from '../src/commands/reports/figures.ts';
import { testContext } from '../src/commands/testing-context.ts';
import { FIGURE_FIELDS } from '../src/domain/report/figures.ts';
import { describeEachWithDraftDemo } from './databases.ts';
import { demoApp, NOW, OPERATOR, REPORTS, send } from './report-app.ts';

/** The demo's 2020 figures (src/demo/lingang.ts), which the 2019 format's own join. */
const DEMO_2020 = {
  licenseDecisions: 4980,
  penaltyDecisions: 240,
  enforcementDecisions: 18,
  feesWan: '652.3',
};
/** The same as stored: the fees also in 分. */
const DEMO_2020_STORED = { ...DEMO_2020, feesFen: 652_300_000 };
const STATED = {
  licenseItemsPrev: 112,
  licenseItemsChange: -8,
  otherServicesDecisions: 35,
  procurementProjects: 22,
  procurementAmountYuan: '184718.6',
};

describeEachWithDraftDemo('the 2019 format’s yearly figures (command)', (use) => {
  /** A test context: the default operator, at the demo's instant. */
  const ctx = () => testContext(use(), { now: NOW });
  const agencyId = () =>
    use()
      .kysely.selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow()
      .then((a) => a.id);
  const row = async (year: number) =>
    use()
      .kysely.selectFrom('admin_figures')
      .selectAll()
      .where('agency_id', '=', await agencyId())
      .where('year', '=', year)
      .executeTakeFirst();
  const events = () =>
    use()
      .kysely.selectFrom('events')
      .select(['name', 'data'])
      .where('name', 'like', 'report.figures%')
      .orderBy('id')
      .execute();

  it('saves the stated figures of a 2020 report; unstated ones stay null, with the event before → after', async () => {
    const view = await saveFigures(ctx(), {
      code: 'lingang',
      year: 2020,
      values: { ...DEMO_2020, ...STATED },
    });
    // the amount kept to the 分 and as entered (no rounding to whole 元)
    const after = { ...DEMO_2020_STORED, ...STATED, procurementAmountFen: 18_471_860 };
    expect(view.figures).toEqual(after);
    expect(await row(2020)).toMatchObject({
      license_items_prev: 112,
      license_items_change: -8,
      other_services_decisions: 35,
      procurement_projects: 22,
      penalty_items_prev: null,
      fees_items_change: null,
    });
    expect(Number((await row(2020))?.procurement_amount_fen)).toBe(18_471_860);
    expect((await row(2020))?.procurement_amount_yuan_text).toBe('184718.6');
    const [event] = await events();
    expect(event.name).toBe('report.figures_saved');
    expect(JSON.parse(event.data)).toEqual({ before: DEMO_2020_STORED, after });
    expect((await readFigures(use(), 'lingang', 2020)).figures).toEqual(view.figures);
  });

  it('puts them in the 2020 report; the unstated ones stay out with an R6 warning each', async () => {
    const report = await buildAnnualReport(use(), 'lingang', 2020);
    if (!report) throw new Error('no report');
    expect(report.format).toBe('2019');
    expect(report.cells).toMatchObject({
      't2.license.items_prev': 112,
      't2.license.items_change': -8,
      't2.other_services.decisions': 35,
      't2.procurement.projects': 22,
      't2.procurement.amount_yuan': '184718.6',
    });
    expect(report.cells).not.toHaveProperty('t2.penalty.items_prev');
    const notes = report.violations.filter((v) => v.code === 'R6').flatMap((v) => v.cells);
    expect(notes).toContain('t2.penalty.items_prev');
    expect(notes).not.toContain('t2.license.items_prev');
    expect(report.violations.filter((v) => v.code === 'R6' && v.severity === 'error')).toEqual([]);
  });

  it('clears a figure saved blank (not stated, not 0), the event showing both sides', async () => {
    await saveFigures(ctx(), {
      code: 'lingang',
      year: 2020,
      values: { ...DEMO_2020, ...STATED, licenseItemsPrev: '' },
    });
    expect((await row(2020))?.license_items_prev).toBeNull();
    const data = JSON.parse((await events())[1].data);
    expect([data.before.licenseItemsPrev, data.after]).toEqual([
      112,
      expect.not.objectContaining({ licenseItemsPrev: expect.anything() }),
    ]);
  });

  it('refuses them for 2021 (the 2021 format), naming the field in Chinese, and writes nothing', async () => {
    const before = await row(2021);
    const saving = saveFigures(ctx(), {
      code: 'lingang',
      year: 2021,
      values: { ...DEMO_2020, procurementProjects: 3 },
    });
    await expect(saving).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('“政府集中采购 采购项目数量”是2019年版报告格式独有的数据'),
      details: [{ field: 'procurementProjects', message: expect.stringContaining('2021 年度报告') }],
    });
    expect(await row(2021)).toEqual(before);
    expect(await events()).toHaveLength(2);
  });

  it('refuses a bad value of 2020 naming it in Chinese, and writes nothing', async () => {
    const before = await row(2020);
    const saving = saveFigures(ctx(), {
      code: 'lingang',
      year: 2020,
      values: { ...DEMO_2020, feesItemsPrev: -1 },
    });
    await expect(saving).rejects.toMatchObject({
      message: expect.stringContaining('“行政事业性收费 上一年项目数量”的值“-1”应为不小于 0 的整数'),
    });
    expect(await row(2020)).toEqual(before);
    expect(await events()).toHaveLength(2);
  });
});

/** The template of a year, with some cells set, as base64. */
async function filledTemplate(app: FastifyInstance, year: number, cells: Record<string, unknown>) {
  const template = await send(app, 'GET', `${REPORTS}/${year}/figures/template.xlsx`, OPERATOR);
  expect(template.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  for (const [address, value] of Object.entries(cells))
    sheet.getCell(address).value = value as ExcelJS.CellValue;
  return { sheet, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

describeEachWithDraftDemo('the 2019 format’s yearly figures (routes)', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use());
  });
  afterAll(() => app.close());

  describe('PUT …/figures', () => {
    it('refuses a 2019-format figure for 2021 (400, the field named in Chinese), writing nothing', async () => {
      const before = (await send(app, 'GET', `${REPORTS}/2021/figures`, OPERATOR)).json();
      const body = { ...DEMO_2020, licenseItemsChange: -3 };
      const res = await send(app, 'PUT', `${REPORTS}/2021/figures`, OPERATOR, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('“行政许可 本年增/减”是2019年版报告格式独有的数据');
      expect(res.json().error.message).not.toContain('licenseItemsChange');
      expect(res.json().error.details).toEqual([
        { field: 'licenseItemsChange', message: expect.any(String) },
      ]);
      expect((await send(app, 'GET', `${REPORTS}/2021/figures`, OPERATOR)).json()).toEqual(before);
    });

    it('saves them for 2020 and the report prints them (JSON and HTML)', async () => {
      const res = await send(app, 'PUT', `${REPORTS}/2020/figures`, OPERATOR, { ...DEMO_2020, ...STATED });
      expect(res.statusCode).toBe(200);
      expect(res.json().figures).toMatchObject({
        licenseItemsChange: -8,
        procurementAmountFen: 18_471_860,
        procurementAmountYuan: '184718.6',
      });
      expect(res.json().figures).not.toHaveProperty('penaltyItemsPrev');
      const draft = (await send(app, 'GET', `${REPORTS}/2020/draft`, OPERATOR)).json();
      expect([draft.format, draft.cells['t2.license.items_change']]).toEqual(['2019', -8]);
      const json = (await send(app, 'GET', `${REPORTS}/2020`, OPERATOR)).json();
      expect(json.cells['t2.procurement.amount_yuan']).toBe('184718.6');
      const html = (await send(app, 'GET', `${REPORTS}/2020.html`, OPERATOR)).body;
      expect(html).toMatch(/<td data-cell="t2\.procurement\.amount_yuan"[^>]*>184718\.6<\/td>/);
      expect(html).toMatch(/<td data-cell="t2\.penalty\.items_prev"[^>]*><\/td>/);
      const docx = await send(app, 'GET', `${REPORTS}/2020.docx`, OPERATOR);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '|');
      expect(text).toContain('|184718.6|');
      expect(text).toContain('|-8|');
    });

    it('says where a 2019-format figure’s cell comes from', async () => {
      const res = await send(app, 'GET', `${REPORTS}/2020/cells/t2.license.items_change/records`, OPERATOR);
      expect(res.json()).toMatchObject({ source: 'figures', value: -8, total: 0 });
      expect(res.json().note).toContain('行政许可 本年增/减');
    });
  });

  describe('the XLSX template', () => {
    it('has the 2019 format’s own rows for 2020, filled with the current values, and none for 2021', async () => {
      const { sheet } = await filledTemplate(app, 2020, {});
      const labels = FIGURE_FIELDS.map((_f, i) => sheet.getCell(`A${i + 2}`).value);
      expect(labels).toEqual(FIGURE_FIELDS.map((f) => f.label));
      expect([sheet.getCell('B7').value, sheet.getCell('B18').value]).toEqual([-8, '184718.6']);
      expect([sheet.getCell('B5').value, sheet.getCell('B5').numFmt]).toEqual(['652.3', '@']);
      expect(sheet.getCell('B9').value).toBeNull();
      const { sheet: sheet2021 } = await filledTemplate(app, 2021, {});
      expect(sheet2021.rowCount).toBe(5);
    });

    it('round-trips: a filled 2020 template imports, blanks stay unstated, with an event', async () => {
      const cells = { B6: 100, B7: '-8', B9: '', B11: 0, B14: 3, B18: '2500.5' };
      const { base64 } = await filledTemplate(app, 2020, cells);
      const res = await send(app, 'POST', `${REPORTS}/2020/figures/import`, OPERATOR, {
        fileName: '2020年度数据.xlsx',
        contentBase64: base64,
      });
      expect(res.statusCode).toBe(200);
      const figures = res.json().figures;
      expect(figures).toMatchObject({
        licenseItemsPrev: 100,
        licenseItemsChange: -8,
        penaltyItemsPrev: 0,
        enforcementItemsChange: 3,
        procurementProjects: 22,
        procurementAmountFen: 250_050,
        procurementAmountYuan: '2500.5',
      });
      expect(figures).not.toHaveProperty('otherServicesItemsChange');
      const event = await use()
        .kysely.selectFrom('events')
        .select(['name', 'data'])
        .where('name', '=', 'report.figures_imported')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.data)).toMatchObject({
        source: '2020年度数据.xlsx',
        before: { licenseItemsPrev: 112 },
        after: { licenseItemsPrev: 100, procurementAmountFen: 250_050, procurementAmountYuan: '2500.5' },
      });
      const { sheet } = await filledTemplate(app, 2020, {});
      expect([sheet.getCell('B6').value, sheet.getCell('B18').value]).toEqual([100, '2500.5']);
    });

    it('names the cell of a bad 2019-format value', async () => {
      const { base64 } = await filledTemplate(app, 2020, { B6: -1 });
      const res = await send(app, 'POST', `${REPORTS}/2020/figures/import`, OPERATOR, {
        contentBase64: base64,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        { field: 'B6', message: 'B6（行政许可 上一年项目数量）的值“-1”应为不小于 0 的整数。' },
      ]);
    });

    it('refuses a 2021 sheet carrying a 2019-format row with a value', async () => {
      const { base64 } = await filledTemplate(app, 2021, { A6: FIGURE_FIELDS[4].label, B6: 7 });
      const res = await send(app, 'POST', `${REPORTS}/2021/figures/import`, OPERATOR, {
        contentBase64: base64,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({
        field: 'B6',
        message: expect.stringContaining('行政许可 上一年项目数量'),
      });
    });
  });
});
