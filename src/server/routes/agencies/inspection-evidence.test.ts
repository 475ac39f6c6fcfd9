import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { SUPERVISOR_ROLE } from '../../../domain/accounts/actor.ts';
import { AGENCY_ROLES } from '../../../domain/accounts/roles.ts';
import { closePdfBrowser } from '../../../render/pdf.ts';
import { readPdf } from '../../../report-check/read-pdf.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'evidence-route-2026';
const MINE = '/api/v1/agencies/ev-mine/inspection/evidence';
const SUBTREE = '/api/v1/agencies/ev-city/supervision/inspection-evidence';
const PERIOD = '?from=2026-11-01&to=2026-11-30';
const NOW = new Date('2026-12-06T02:00:00Z');

describeEachDatabase('网站自查 evidence pack routes', (use) => {
  let app: FastifyInstance;
  let db: Db;
  const as: Record<string, Record<string, string>> = {};
  const get = (user: string | null, url: string) =>
    app.inject({ method: 'GET', url, headers: user ? as[user] : {} });

  const store = (
    agency_id: number,
    day: string,
    indicator: string,
    value: number,
    state: string,
    details: object,
  ) =>
    db.kysely
      .insertInto('inspection_results')
      .values({
        ...{ agency_id, day, indicator, value, threshold: indicator === 'home.stale' ? 14 : 5, state },
        ...{ details: JSON.stringify(details), run_at: `${day}T00:00:00.000Z` },
      })
      .execute();

  beforeAll(async () => {
    db = use();
    const city = await addAgency(db, 'ev-city', '临港市政务公开办');
    const mine = await addAgency(db, 'ev-mine', '临港区教育局', city);
    const otherRoot = await addAgency(db, 'ev-other', '别区政务公开办');
    await store(mine, '2026-11-01', 'home.stale', 9, 'alarm', { lastPublishedOn: '2026-10-23' });
    await store(mine, '2026-11-02', 'home.stale', 16, 'failed', { lastPublishedOn: '2026-10-17' });
    await store(mine, '2026-11-02', 'columns.blank', 1, 'alarm', {
      columns: [
        { name: '财政预决算', columnClass: 'other', lastPublishedOn: null, freshUntil: null, daysLeft: null },
      ],
    });
    await store(mine, '2026-12-02', 'home.stale', 30, 'failed', { lastPublishedOn: '2026-11-02' });
    await store(city, '2026-11-02', 'home.stale', 1, 'ok', { lastPublishedOn: '2026-11-01' });
    await store(otherRoot, '2026-11-02', 'home.stale', 40, 'failed', { lastPublishedOn: '2026-09-01' });
    for (const role of AGENCY_ROLES)
      await addUser(db, { username: `ev-${role}`, password: PASSWORD, agencyId: mine, roles: [role] });
    await addUser(db, {
      username: 'ev-outsider',
      password: PASSWORD,
      agencyId: otherRoot,
      roles: ['agency_admin'],
    });
    await addUser(db, {
      username: 'ev-supervisor',
      password: PASSWORD,
      agencyId: city,
      roles: [SUPERVISOR_ROLE],
    });
    await addUser(db, {
      username: 'ev-other-sup',
      password: PASSWORD,
      agencyId: otherRoot,
      roles: [SUPERVISOR_ROLE],
    });
    app = await buildServer({ db, now: () => NOW, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of [
      ...AGENCY_ROLES.map((r) => `ev-${r}`),
      'ev-outsider',
      'ev-supervisor',
      'ev-other-sup',
    ])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(async () => {
    await app.close();
    await closePdfBrowser();
  });

  it.each(AGENCY_ROLES)('gives the agency’s %s its pack; refuses them the subtree’s', async (role) => {
    const res = await get(`ev-${role}`, `${MINE}.xlsx${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(
      (await get(`ev-${role}`, `/api/v1/agencies/ev-mine/supervision/inspection-evidence.xlsx`)).statusCode,
    ).toBe(403);
  });

  it('lets a supervisor above read the agency’s pack and the subtree’s; refuses another subtree’s supervisor and outsiders', async () => {
    expect((await get('ev-supervisor', `${MINE}.xlsx${PERIOD}`)).statusCode).toBe(200);
    expect((await get('ev-supervisor', `${SUBTREE}.xlsx${PERIOD}`)).statusCode).toBe(200);
    expect((await get('ev-other-sup', `${MINE}.xlsx${PERIOD}`)).statusCode).toBe(403);
    expect((await get('ev-other-sup', `${SUBTREE}.xlsx${PERIOD}`)).statusCode).toBe(403);
    expect((await get('ev-outsider', `${MINE}.xlsx${PERIOD}`)).statusCode).toBe(403);
    expect((await get(null, `${MINE}.xlsx${PERIOD}`)).statusCode).toBe(401);
  });

  it.each([
    ['a period backwards', '?from=2026-11-30&to=2026-11-01', 'from', '起始日期'],
    ['a period over 366 days', '?from=2025-01-01&to=2026-11-30', 'to', '366'],
    ['a date that is not one', '?from=2026-13-01', 'from', '起始日期'],
  ])('refuses %s naming the field in Chinese', async (_, query, field, words) => {
    const res = await get('ev-operator', `${MINE}.xlsx${query}`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(words);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('writes the XLSX: summary, a sheet per indicator, findings and the lines of the digest', async () => {
    const res = await get('ev-agency_admin', `${MINE}.xlsx${PERIOD}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([res.rawPayload]));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '首页不更新',
      '空白栏目',
      '问题明细',
      '校验数据',
    ]);
    const summary = workbook.getWorksheet('汇总');
    const values = (sheet: ExcelJS.Worksheet | undefined, n: number) =>
      ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1);
    expect(values(summary, 2)).toEqual(['机关', '临港区教育局']);
    expect(values(summary, 3)).toEqual(['期间', '2026-11-01 至 2026-11-30（30 天）']);
    expect(values(summary, 8)).toEqual([
      ...['临港区教育局', '首页不更新', '是', '超过14天', 0, 1, 1, 28, '16天', '2026-11-02', '2026-11-02'],
    ]);
    const digest = res.headers['x-evidence-digest'];
    expect(values(summary, 5)).toEqual(['数据摘要（SHA-256）', digest]);
    expect(values(workbook.getWorksheet('首页不更新'), 3)).toEqual(['2026-11-02', 16, 14, '不合格']);
    expect(values(workbook.getWorksheet('问题明细'), 4)).toEqual([
      ...['临港区教育局', '2026-11-02', '空白栏目', '预警', '财政预决算（其他）：无信息，也没有备注说明'],
    ]);
    const check = workbook.getWorksheet('校验数据');
    const lines: string[] = [];
    check?.eachRow((row, n) => {
      if (n > 1) lines.push(String(row.getCell(1).value));
    });
    expect(lines).toHaveLength(3);
    expect(createHash('sha256').update(lines.join('\n')).digest('hex')).toBe(digest);
  });

  it('packs the subtree: every agency below the supervisor’s, not another subtree', async () => {
    const res = await get('ev-supervisor', `${SUBTREE}.xlsx${PERIOD}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([res.rawPayload]));
    const sheet = workbook.getWorksheet('首页不更新');
    const agencies = new Set<string>();
    sheet?.eachRow((row, n) => {
      if (n > 1) agencies.add(String(row.getCell(1).value));
    });
    expect([...agencies].sort()).toEqual(['临港区教育局', '临港市政务公开办']);
    expect(res.headers['content-disposition']).toContain('subtree');
  });

  it('prints the PDF: title, agency, period, summary, findings and the same digest as the XLSX', async () => {
    const pdf = await get('ev-supervisor', `${MINE}.pdf${PERIOD}`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const xlsx = await get('ev-supervisor', `${MINE}.xlsx${PERIOD}`);
    expect(pdf.headers['x-evidence-digest']).toBe(xlsx.headers['x-evidence-digest']);
    const text = JSON.stringify(await readPdf(new Uint8Array(pdf.rawPayload))).replace(/\s/g, '');
    for (const words of [
      '网站自查佐证材料',
      '临港区教育局',
      '2026-11-01至2026-11-30',
      '首页不更新',
      '财政预决算',
    ])
      expect(text).toContain(words);
    expect(text).toContain(String(pdf.headers['x-evidence-digest']));
  }, 60_000);
});
