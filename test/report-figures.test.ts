import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDraftDemo } from './databases.ts';
import { demoApp, OPERATOR, REPORTS, REVIEWER, send } from './report-app.ts';

const FIGURES = `${REPORTS}/2022/figures`;

/** The template of a year, with some cells set. */
async function filledTemplate(app: FastifyInstance, cells: Record<string, unknown>): Promise<string> {
  const template = await send(app, 'GET', `${FIGURES}/template.xlsx`, OPERATOR);
  expect(template.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  for (const [address, value] of Object.entries(cells))
    sheet.getCell(address).value = value as ExcelJS.CellValue;
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describeEachWithDraftDemo('the yearly figures of table 二 (五)(六)(八)', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use());
  });
  afterAll(() => app.close());

  const figureEvents = () =>
    use()
      .kysely.selectFrom('events')
      .select(['name', 'actor', 'data'])
      .where('name', 'like', 'report.figures%')
      .execute();

  it('starts empty for a year without figures', async () => {
    const res = await send(app, 'GET', FIGURES, REVIEWER);
    expect(res.json()).toEqual({ year: 2022, figures: null, publishedVersion: 0 });
  });

  it('refuses bad values with a message per field, writing nothing', async () => {
    const body = {
      licenseDecisions: -1,
      penaltyDecisions: '2.5',
      enforcementDecisions: 3,
      feesWan: '12.3456789',
    };
    const res = await send(app, 'PUT', FIGURES, OPERATOR, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'licenseDecisions',
      'penaltyDecisions',
      'feesWan',
    ]);
    expect(res.json().error.details[2].message).toBe(
      '“行政事业性收费 本年收费金额（万元）”的值“12.3456789”小数超过六位（1分为0.000001万元），应为不小于0、最多六位小数的金额（万元），不超过999999999.999999万元。',
    );
    expect((await send(app, 'GET', FIGURES, OPERATOR)).json().figures).toBeNull();
    expect(await figureEvents()).toEqual([]);
  });

  it('saves figures, fees in 万元 kept to the 分 as entered, with an event; the draft prints them', async () => {
    const body = {
      licenseDecisions: 120,
      penaltyDecisions: '35',
      enforcementDecisions: 0,
      feesWan: '24252.311082',
    };
    const res = await send(app, 'PUT', FIGURES, OPERATOR, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().figures).toEqual({
      licenseDecisions: 120,
      penaltyDecisions: 35,
      enforcementDecisions: 0,
      feesFen: 24_252_311_082,
      feesWan: '24252.311082',
    });
    const draft = (await send(app, 'GET', `${REPORTS}/2022/draft`, OPERATOR)).json();
    expect([draft.cells['t2.license.decisions'], draft.cells['t2.fees.amount_wan']]).toEqual([
      120,
      '24252.311082',
    ]);
    expect(draft.violations.filter((v: { code: string }) => v.code === 'R6')).toEqual([]);
    const events = await figureEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ name: 'report.figures_saved', actor: 'lingang-operator' });
    expect(JSON.parse(events[0].data)).toMatchObject({
      before: null,
      after: { feesFen: 24_252_311_082, feesWan: '24252.311082' },
    });
  });

  it.each([
    ['six decimals with trailing zeros', '0.350000', 350_000],
    ['a whole number', '706', 706_000_000],
    ['one 分', '0.000001', 1],
  ])('prints fees as entered: %s (“%s”)', async (_situation, feesWan, feesFen) => {
    const body = { licenseDecisions: 120, penaltyDecisions: 35, enforcementDecisions: 0, feesWan };
    const res = await send(app, 'PUT', FIGURES, OPERATOR, body);
    expect(res.json().figures).toMatchObject({ feesFen, feesWan });
    const draft = (await send(app, 'GET', `${REPORTS}/2022/draft`, OPERATOR)).json();
    expect(draft.cells['t2.fees.amount_wan']).toBe(feesWan);
  });

  it('refuses fees as a JSON number: amounts are text, so no float holds them', async () => {
    const body = { licenseDecisions: 1, penaltyDecisions: 1, enforcementDecisions: 0, feesWan: 0.35 };
    const res = await send(app, 'PUT', FIGURES, OPERATOR, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('行政事业性收费 本年收费金额（万元）');
  });

  it('refuses a reviewer', async () => {
    const res = await send(app, 'PUT', FIGURES, REVIEWER, { licenseDecisions: 1 });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an XLSX with a bad cell, naming it, and writes nothing', async () => {
    const contentBase64 = await filledTemplate(app, { B2: 7, B3: -4 });
    const res = await send(app, 'POST', `${FIGURES}/import`, OPERATOR, { contentBase64 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'B3', message: 'B3（行政处罚 本年处理决定数量）的值“-4”应为不小于 0 的整数。' },
    ]);
    expect((await send(app, 'GET', FIGURES, OPERATOR)).json().figures.licenseDecisions).toBe(120);
  });

  it.each([
    ['another year in B1', { B1: 2021 }, 'B1'],
    ['a moved row', { A3: '行政强制 本年处理决定数量' }, 'A3'],
  ])('refuses a sheet with %s', async (_situation, cells, field) => {
    const res = await send(app, 'POST', `${FIGURES}/import`, OPERATOR, {
      contentBase64: await filledTemplate(app, cells),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
  });

  it('refuses a file that is not a workbook', async () => {
    const contentBase64 = Buffer.from('not a workbook').toString('base64');
    const res = await send(app, 'POST', `${FIGURES}/import`, OPERATOR, { contentBase64 });
    expect([res.statusCode, res.json().error.message]).toEqual([
      400,
      expect.stringContaining('不是有效的 XLSX'),
    ]);
  });

  it('imports the filled template', async () => {
    const contentBase64 = await filledTemplate(app, { B2: 8, B3: 9, B4: '10', B5: '706' });
    const res = await send(app, 'POST', `${FIGURES}/import`, OPERATOR, {
      fileName: '年度数据.xlsx',
      contentBase64,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().figures).toMatchObject({
      licenseDecisions: 8,
      penaltyDecisions: 9,
      enforcementDecisions: 10,
      feesWan: '706',
    });
    const events = await figureEvents();
    // the saves above (one, then the three of “prints fees as entered”), then the import
    expect(events.map((e) => e.name)).toEqual([
      ...Array(4).fill('report.figures_saved'),
      'report.figures_imported',
    ]);
    expect(JSON.parse(events[4].data)).toMatchObject({
      source: '年度数据.xlsx',
      before: { licenseDecisions: 120, feesWan: '0.000001' },
      after: { feesFen: 706_000_000, feesWan: '706' },
    });
  });
});
