/**
 * Open data of the published reports (docs/open-data.md), on SQLite and PostgreSQL: nothing before
 * publication, then the demo agency's 2021 report by cell code in JSON (valid against the served
 * JSON Schema) and CSV, the latest version after a correction, another agency in the year's list,
 * ETags, and the refusals (a bad year, an unknown format).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestVersions, versionSnapshots } from '../src/db/queries/open-data.ts';
import { formatById } from '../src/domain/report/formats/registry.ts';
import { CSV_BOM } from '../src/domain/report/open-data.ts';
import { addAgency } from './accounts.ts';
import { describeEachWithDraftDemo } from './databases.ts';
import { APPROVER, demoApp, REPORTS, send } from './report-app.ts';

const YEAR_CSV = '/api/v1/public/reports.csv?year=2021';
const YEAR_JSON = '/api/v1/public/reports.json?year=2021';
const AGENCY = '/api/v1/public/agencies/lingang/reports';
const ONE = `${AGENCY}/2021/open-data`;
const NAME = '威海临港经济技术开发区管理委员会';
const ORIGIN = 'http://localhost:80';
const SCHEMA_2021 = `${ORIGIN}/api/v1/public/report-schemas/2021.json`;

/** The CSV's lines without the BOM and the last CRLF, each split into fields (no field here is quoted). */
const csvRows = (body: string) =>
  body
    .slice(1)
    .split('\r\n')
    .slice(0, -1)
    .map((line) => line.split(','));

describeEachWithDraftDemo('open data of the published annual reports', (use) => {
  let app: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
  beforeAll(async () => {
    app = await demoApp(use());
  });
  afterAll(() => app.close());

  it('answers a year without a published report with an empty list and a header-only CSV', async () => {
    const json = await get(YEAR_JSON);
    expect([json.statusCode, json.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
    expect(json.json()).toEqual({ year: 2021, format: '2021', schema: SCHEMA_2021, reports: [] });
    const csv = await get(YEAR_CSV);
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.body.startsWith(CSV_BOM)).toBe(true);
    expect(csvRows(csv.body)).toEqual([
      [
        'agency_code',
        'agency_name',
        'year',
        'format',
        'version',
        'published_on',
        ...formatById('2021').cellCodes,
      ],
    ]);
    expect((await get(`${AGENCY}.json`)).json()).toEqual({
      agency: { code: 'lingang', name: NAME },
      reports: [],
    });
    const one = await get(`${ONE}.json`);
    expect([one.statusCode, one.json().error.message]).toEqual([404, '2021 年度报告尚未发布。']);
  });

  it.each([
    ['without a year', '/api/v1/public/reports.csv', '请指定年度'],
    ['with a two-digit year', '/api/v1/public/reports.csv?year=21', '年度应为四位数字'],
    ['with a year in words', '/api/v1/public/reports.json?year=二〇二一', '年度应为四位数字'],
    ['in another file type', '/api/v1/public/reports.xml?year=2021', '开放数据的格式应为 json 或 csv'],
    ['for an unknown report format', '/api/v1/public/report-schemas/2018.json', '报告格式应为 2021 或 2019'],
  ])('refuses a request %s with 400 saying what to write', async (_situation, url, words) => {
    const res = await get(url);
    expect([res.statusCode, res.json().error.message]).toEqual([400, expect.stringContaining(words)]);
  });

  it('lists the demo agency’s 2021 report once published, by cell code, valid against the served schema', async () => {
    const published = await send(app, 'POST', `${REPORTS}/2021/publish`, APPROVER, {
      publishedOn: '2022-01-19',
    });
    expect(published.statusCode).toBe(201);
    const schema = await get('/api/v1/public/report-schemas/2021.json');
    expect([schema.statusCode, schema.headers['content-type']]).toEqual([
      200,
      'application/schema+json; charset=utf-8',
    ]);
    expect(schema.json().$id).toBe(SCHEMA_2021);
    const validate = new Ajv2020({ strict: true }).compile(schema.json());

    const list = (await get(YEAR_JSON)).json();
    expect(list.reports).toHaveLength(1);
    const [record] = list.reports;
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(record).toMatchObject({
      schema: SCHEMA_2021,
      format: '2021',
      agency: { code: 'lingang', name: NAME },
      year: 2021,
      version: 1,
      publishedOn: '2022-01-19',
    });
    expect(record.cells).toMatchObject({
      't2.license.decisions': 5416,
      't2.fees.amount_wan': '706',
      't3.new.natural_person': 6,
      't3.new.total': 6,
    });
    expect(Object.keys(record.cells)).toEqual(formatById('2021').cellCodes);
    expect((await get(`${ONE}.json`)).json()).toEqual(record);
    expect((await get(`${AGENCY}.json`)).json().reports).toEqual([record]);

    const csv = await get(YEAR_CSV);
    const [header, row, ...rest] = csvRows(csv.body);
    expect(rest).toEqual([]);
    expect(row.slice(0, 6)).toEqual(['lingang', NAME, '2021', '2021', '1', '2022-01-19']);
    expect(row[header.indexOf('t2.fees.amount_wan')]).toBe('706');
    expect(row[header.indexOf('t3.new.total')]).toBe('6');
    expect(row).toHaveLength(header.length);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="annual-reports-2021.csv"; filename*=UTF-8''${encodeURIComponent('政府信息公开工作年度报告开放数据（2021年度）.csv').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const single = await get(`${ONE}.csv`);
    expect(csvRows(single.body)).toEqual([header, row]);
  });

  it('answers 304 to a client holding the list, and a new ETag once a correction is published', async () => {
    const first = await get(YEAR_CSV);
    const etag = String(first.headers.etag);
    expect([etag, first.headers['cache-control']]).toEqual([
      expect.stringMatching(/^"[0-9a-f]{32}"$/),
      'public, max-age=300',
    ]);
    const again = await get(YEAR_CSV, { 'if-none-match': etag });
    expect([again.statusCode, again.body]).toEqual([304, '']);

    const corrected = await send(app, 'POST', `${REPORTS}/2021/corrections`, APPROVER, {
      reason: '更正表二数据',
    });
    expect(corrected.statusCode).toBe(201);
    const after = await get(YEAR_CSV, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(csvRows(after.body)[1].slice(0, 6)).toEqual(['lingang', NAME, '2021', '2021', '2', '2022-01-20']);
    expect((await get(`${ONE}.json`)).json()).toMatchObject({ version: 2, publishedOn: '2022-01-20' });
  });

  it('lists every agency’s latest version of the year by agency code, read a page of snapshots at a time', async () => {
    const db = use();
    const other = await addAgency(db, 'aaa-first', '甲机关');
    const latest = await db.kysely
      .selectFrom('annual_report_versions')
      .selectAll()
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    const snapshot = JSON.parse(latest.snapshot);
    snapshot.report.agency = { ...snapshot.report.agency, code: 'aaa-first', name: '甲机关' };
    const { id: _id, ...row } = latest;
    await db.kysely
      .insertInto('annual_report_versions')
      .values({ ...row, agency_id: other, version: 1, snapshot: JSON.stringify(snapshot) })
      .execute();

    const refs = await latestVersions(db, { year: 2021 });
    expect(refs.map((r) => [r.agencyCode, r.version])).toEqual([
      ['aaa-first', 1],
      ['lingang', 2],
    ]);
    const read: string[] = [];
    for await (const { ref } of versionSnapshots(db, refs, 1)) read.push(ref.agencyCode);
    expect(read).toEqual(['aaa-first', 'lingang']);

    const csv = csvRows((await get(YEAR_CSV)).body);
    expect(csv.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['aaa-first', '甲机关', '2021', '2021', '1'],
      ['lingang', NAME, '2021', '2021', '2'],
    ]);
    const json = (await get(YEAR_JSON)).json();
    expect(json.reports.map((r: { agency: { code: string } }) => r.agency.code)).toEqual([
      'aaa-first',
      'lingang',
    ]);
    expect((await get('/api/v1/public/reports.json?year=2022')).json().reports).toEqual([]);
  });

  it('serves the 2019 format’s schema too, its $id naming the format', async () => {
    const res = await get('/api/v1/public/report-schemas/2019.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      $id: `${ORIGIN}/api/v1/public/report-schemas/2019.json`,
      properties: { format: { const: '2019' } },
    });
    expect(Object.keys(res.json().properties.cells.properties)).toEqual(formatById('2019').cellCodes);
  });

  it('appears in the OpenAPI document with its query, parameters and record', async () => {
    const doc = (await get('/api/docs/json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/public/agencies/{code}/reports.{file}');
    const paths = Object.keys(doc.paths).filter(
      (p) => p.includes('open-data') || p.includes('public/report'),
    );
    expect(paths.sort()).toEqual([
      '/api/v1/public/agencies/{code}/reports/{year}/open-data.{file}',
      '/api/v1/public/report-schemas/{format}.json',
      '/api/v1/public/reports.{file}',
    ]);
    const bulk = doc.paths['/api/v1/public/reports.{file}'].get;
    expect(bulk.parameters.map((p: { name: string; in: string }) => `${p.in} ${p.name}`).sort()).toEqual([
      'path file',
      'query year',
    ]);
    const body = bulk.responses['200'].content['application/json'].schema;
    expect(body.properties.reports.items.properties.cells).toBeDefined();
  });

  it.each([
    ['the report’s page', '/agencies/lingang/reports/2021', '/api/v1/public/agencies/lingang/reports'],
    ['the agency’s reports', '/agencies/lingang/gongkai/reports', '/api/v1/public/agencies/lingang/reports'],
  ])('links %s to the agency’s open data: 开放数据：JSON、CSV', async (_page, url, base) => {
    const page = await get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`开放数据：<a href="${base}.json" type="application/json"`);
    expect(page.body).toContain(
      `<a href="${base}.csv" type="text/csv" aria-label="${NAME}各年度报告开放数据 CSV 格式">CSV</a>`,
    );
  });

  it('links each year of the reports’ list to that year’s open data of every agency', async () => {
    const page = await get('/reports');
    expect(page.body).toContain('开放数据：<a href="/api/v1/public/reports.json?year=2021"');
    expect(page.body).toContain('<a href="/api/v1/public/reports.csv?year=2021" type="text/csv"');
  });

  it('lists an agency’s years across formats: the 2019 format’s record valid against its schema, the CSV’s columns the union', async () => {
    const published = await send(app, 'POST', `${REPORTS}/2020/publish`, APPROVER, {
      publishedOn: '2021-01-25',
      note: '演示：2020 年度报告按 2019 年试行格式发布。',
    });
    expect(published.statusCode).toBe(201);
    const list = (await get(`${AGENCY}.json`)).json();
    expect(list.reports.map((r: { year: number; format: string }) => [r.year, r.format])).toEqual([
      [2020, '2019'],
      [2021, '2021'],
    ]);
    const schema = (await get('/api/v1/public/report-schemas/2019.json')).json();
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(list.reports[0]), JSON.stringify(validate.errors)).toBe(true);

    const [header, old, current] = csvRows((await get(`${AGENCY}.csv`)).body);
    const union = [...formatById('2021').cellCodes];
    for (const code of formatById('2019').cellCodes) if (!union.includes(code)) union.push(code);
    expect(header.slice(6)).toEqual(union);
    const at = (row: string[], code: string) => row[header.indexOf(code)];
    expect(old.slice(0, 6)).toEqual(['lingang', NAME, '2020', '2019', '1', '2021-01-25']);
    expect([at(old, 't3.other.total'), at(old, 't2.fees.amount_wan')]).toEqual([
      String(list.reports[0].cells['t3.other.total']),
      '',
    ]);
    expect([at(current, 't3.other.total'), at(current, 't2.fees.amount_wan')]).toEqual(['', '706']);
    expect((await get('/api/v1/public/reports.json?year=2020')).json()).toMatchObject({
      format: '2019',
      schema: `${ORIGIN}/api/v1/public/report-schemas/2019.json`,
      reports: [list.reports[0]],
    });
  });
});
