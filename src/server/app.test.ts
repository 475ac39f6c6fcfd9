import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../domain/report/sections.ts';
import type { ErrorBody } from './errors.ts';
import type { ReportJson } from './presenters/report-json.ts';
import { demoServer } from './testing.ts';

let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await demoServer());
});
afterAll(() => close());

describe('GET /healthz', () => {
  it('answers ok after a query, naming the database', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: 'sqlite' });
  });
});

describe('GET /api/v1/agencies', () => {
  it('lists the demo agency with its record years, newest first', async () => {
    const res = await app.inject('/api/v1/agencies');
    expect(res.statusCode).toBe(200);
    const lingang = res.json().agencies.find((a: { code: string }) => a.code === 'lingang');
    expect(lingang).toMatchObject({
      name: '威海临港经济技术开发区管理委员会',
      kind: 'development_zone',
    });
    // the report's two years, 2022 (its 公开制度 items) and this year's open requests (none on the
    // year's first days), newest first
    const thisYear = Number(new Date().toISOString().slice(0, 4));
    const years: number[] = lingang.years;
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years.filter((y) => y < thisYear)).toEqual([2022, 2021, 2020]);
    expect(years.every((y) => y <= thisYear)).toBe(true);
  });
});

/** The live (working-draft) report routes are staff-only. */
const STAFF = { 'x-gongkai-user': 'lingang-operator' };

describe('GET /api/v1/agencies/:code/reports/:year', () => {
  it('answers the report JSON of the demo agency’s 2021 report', async () => {
    const res = await app.inject({ url: '/api/v1/agencies/lingang/reports/2021', headers: STAFF });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body: ReportJson = res.json();
    expect(body).toMatchObject({
      agency: 'lingang',
      year: 2021,
      agencyName: '威海临港经济技术开发区管理委员会',
    });
    expect(body.cells['t3.new.total']).toBe(6);
    expect(body.cells['t2.fees.amount_wan']).toBe('706');
    expect(Object.values(body.sections).map((s) => s.heading)).toEqual(REPORT_SECTIONS.map((s) => s.heading));
    expect(body.sections.proactive).toEqual({ heading: '二、主动公开政府信息情况', table: 't2' });
    expect(body.sections.overview.paragraphs.length).toBeGreaterThan(0);
    expect(body.violations).toEqual([]);
    expect(body.publishedOn).toBe('2022-01-28');
  });

  it('answers 404 with a Chinese message for an unknown agency', async () => {
    const res = await app.inject({ url: '/api/v1/agencies/nosuch/reports/2021', headers: STAFF });
    expect(res.statusCode).toBe(404);
    const body: ErrorBody = res.json();
    expect(body.error).toEqual({ code: 'not_found', message: '未找到机关代码为 nosuch 的机关' });
  });

  it('answers 404 for a year the agency has no records for', async () => {
    const res = await app.inject({ url: '/api/v1/agencies/lingang/reports/1999', headers: STAFF });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('没有 1999 年的记录');
  });

  it('answers 400 naming the field for a year that is not four digits', async () => {
    const res = await app.inject({ url: '/api/v1/agencies/lingang/reports/21x', headers: STAFF });
    expect(res.statusCode).toBe(400);
    const body: ErrorBody = res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.details).toEqual([{ field: 'year', message: '年份应为四位数字，如 2021' }]);
    expect(body.error.message).not.toContain('year');
    expect(body.error.message).toContain('年份应为四位数字');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('errors and headers', () => {
  it('answers an unknown URL with a JSON 404 in Chinese', async () => {
    const res = await app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', message: expect.stringContaining('未找到') });
  });

  it('answers a browser on a page route with an HTML error page, escaped', async () => {
    const res = await app.inject({ url: '/agencies/<b>x/reports/2021', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('机关代码只能包含');
    expect(res.body).not.toContain('<b>x');
  });

  it('sets the security headers', async () => {
    const res = await app.inject('/');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('GET /api/docs/json', () => {
  it('is an OpenAPI document listing the report routes', async () => {
    const res = await app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Gongkai 政府信息公开平台 API');
    expect(Object.keys(doc.paths)).toContain('/api/v1/agencies/{code}/reports/{year}');
    expect(Object.keys(doc.paths)).not.toContain('/');
  });
});

describe('pages', () => {
  it('lists the demo agency on the home page with a link to its 2021 report', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="zh-CN">');
    // the installation's name from its 网站信息 (the demo's, set because the installation had none)
    expect(res.body).toContain('<title>威海临港经济技术开发区政府信息公开平台（演示）</title>');
    expect(res.body).not.toContain('公开 · 政府信息公开平台');
    expect(res.body).toContain('威海临港经济技术开发区管理委员会');
    expect(res.body).toContain('href="/agencies/lingang/reports/2021"');
    expect(res.body).not.toContain('<script');
  });

  it('lists the reports by year with their downloads', async () => {
    const res = await app.inject('/reports');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/agencies/lingang/reports/2021"');
    expect(res.body).toContain('href="/api/v1/public/agencies/lingang/reports/2021.docx"');
    expect(res.body).toContain('href="/api/v1/public/agencies/lingang/reports/2021.pdf"');
    expect(res.body).toContain('href="/api/v1/public/agencies/lingang/reports/2021.json"');
    expect(res.body).not.toContain('2020年政府信息公开工作年度报告');
  });

  it('keeps the working draft of a report to staff: the live report route needs a user', async () => {
    const res = await app.inject('/api/v1/agencies/lingang/reports/2021');
    expect(res.statusCode).toBe(401);
    const published = await app.inject('/api/v1/public/agencies/lingang/reports/2021.docx');
    expect(published.statusCode).toBe(200);
  });

  it('shows a report as a page', async () => {
    const res = await app.inject('/agencies/lingang/reports/2021');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('一、总体情况');
    expect(res.body).toContain('data-cell');
    expect(res.body).toContain('2021年政府信息公开工作年度报告');
    expect(res.body).not.toContain('<script');
  });
});
