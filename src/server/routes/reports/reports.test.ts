import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer } from '../../testing.ts';

/** The live (working-draft) report routes are staff-only. */
const STAFF = { 'x-gongkai-user': 'lingang-operator' };

let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await demoServer());
});
afterAll(() => close());

const URL = '/api/v1/agencies/lingang/reports/2021';
const FILE_NAME = encodeURIComponent('威海临港经济技术开发区管理委员会2021年政府信息公开工作年度报告');

describe('GET /api/v1/agencies/:code/reports/:year.:format', () => {
  it('sends the HTML report as an attachment', async () => {
    const res = await app.inject({ url: `${URL}.html`, headers: STAFF });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${FILE_NAME}.html`);
    expect(res.body).toContain('一、总体情况');
    expect(res.body).toContain('data-cell');
  });

  it('sends the DOCX with its content type and a UTF-8 file name', async () => {
    const res = await app.inject({ url: `${URL}.docx`, headers: STAFF });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="lingang-2021-annual-report.docx"; filename*=UTF-8''${FILE_NAME}.docx`,
    );
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('sends the PDF printed by Chromium', { timeout: 30_000 }, async () => {
    const res = await app.inject({ url: `${URL}.pdf`, headers: STAFF });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${FILE_NAME}.pdf`);
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('answers 503 with the installation hint when Chromium is missing', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await app.inject({ url: `${URL}.pdf`, headers: STAFF });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.json().error).toMatchObject({
        code: 'unavailable',
        message: expect.stringContaining('未找到 Chromium'),
      });
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  it('answers 400 naming the field for an unknown format', async () => {
    const res = await app.inject({ url: `${URL}.xlsx`, headers: STAFF });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'format', message: '格式应为 html、docx 或 pdf' }]);
  });

  it('answers 404 for an unknown agency', async () => {
    const res = await app.inject({ url: '/api/v1/agencies/nosuch/reports/2021.docx', headers: STAFF });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('未找到机关代码为 nosuch 的机关');
  });
});

describe('the report format by year', () => {
  it.each([
    [2021, '2021'],
    [2020, '2019'],
  ])('answers the %i report in the %s format', async (year, format) => {
    const res = await app.inject({ url: `/api/v1/agencies/lingang/reports/${year}`, headers: STAFF });
    expect(res.statusCode).toBe(200);
    expect(res.json().format).toBe(format);
  });

  it('prints the 2020 report’s tables in the 2019 format, adding up', async () => {
    const json = (await app.inject({ url: '/api/v1/agencies/lingang/reports/2020', headers: STAFF })).json();
    expect(json.cells['t2.normative.published_total']).toBeGreaterThan(0);
    expect(json.cells['t2.normative.valid']).toBeUndefined();
    expect(json.cells['t3.other.total']).toBe(0);
    expect(json.cells['t3.other.other.total']).toBeUndefined();
    const codes = json.violations.map((v: { code: string }) => v.code);
    for (const rule of ['R1', 'R3', 'R4', 'R5', 'R7']) expect(codes).not.toContain(rule);
    const html = await app.inject({ url: '/api/v1/agencies/lingang/reports/2020.html', headers: STAFF });
    expect(html.body).toContain('第二十条第（九）项');
    expect(html.body).toContain('（六）其他处理');
    expect(html.body).toContain('国办公开办函〔2019〕60号');
  });
});
