import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { SUPERVISOR_ROLE } from '../../../domain/accounts/actor.ts';
import { AGENCY_ROLES } from '../../../domain/accounts/roles.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'website-report-2026';
const BASE = '/api/v1/agencies/wr-mine/website-report';
const NOW = new Date('2027-01-10T02:00:00Z');
const FILLED = {
  'site.icp': '鲁ICP备05002386号',
  'site.police': '37100202000123',
  'visits.unique': 52310,
  'visits.total': 310245,
  'interpretation.products': 2,
  'interpretation.media': 1,
  'interpretation.responses': 0,
  'security.account': '全年开展安全检测评估2次，未发生安全事件。',
};

describeEachDatabase('政府网站工作年度报表 routes', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let mine: number;
  const as: Record<string, Record<string, string>> = {};
  const call = (user: string | null, method: 'GET' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: user ? as[user] : {}, payload });

  const addItem = (category: string, published_on: string, is_interpretation = 0) =>
    db.kysely
      .insertInto('items')
      .values({
        ...{
          agency_id: mine,
          index_no: null,
          title: `${category} ${published_on}`,
          body_html: '<p>正文</p>',
        },
        ...{ body_text: '正文', category, column_code: null, issuer: '某机关', doc_number: null },
        ...{ formed_on: published_on, published_on, validity: '', subject: '', status: 'published' },
        ...{ is_policy_document: 0, is_interpretation, is_meeting: 0, is_online_interview: 0 },
        ...{ interprets_item_id: null, reviewer: null, reviewed_on: null, review_result: null },
        ...{ review_opinion: null, withdrawn_on: null, withdrawn_reason: null, version: 1 },
        ...{ created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', created_by: 'wr' },
      })
      .execute();

  beforeAll(async () => {
    db = use();
    const city = await addAgency(db, 'wr-city');
    mine = await addAgency(db, 'wr-mine', '临港区教育局', city);
    const other = await addAgency(db, 'wr-other');
    await db.kysely
      .updateTable('agencies')
      .set({ website_name: '临港区教育局网站', website: 'https://jy.lingang.gov.cn' })
      .where('id', '=', mine)
      .execute();
    await addItem('a20.2', '2026-03-01');
    await addItem('a20.1', '2026-05-01');
    await addItem('other', '2026-06-01', 1);
    await addItem('a20.1', '2025-06-01');
    for (const role of AGENCY_ROLES)
      await addUser(db, { username: `wr-${role}`, password: PASSWORD, agencyId: mine, roles: [role] });
    await addUser(db, {
      username: 'wr-outsider',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    await addUser(db, {
      username: 'wr-supervisor',
      password: PASSWORD,
      agencyId: city,
      roles: [SUPERVISOR_ROLE],
    });
    await addUser(db, {
      username: 'wr-other-sup',
      password: PASSWORD,
      agencyId: other,
      roles: [SUPERVISOR_ROLE],
    });
    app = await buildServer({ db, now: () => NOW, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of [
      ...AGENCY_ROLES.map((r) => `wr-${r}`),
      'wr-outsider',
      'wr-supervisor',
      'wr-other-sup',
    ])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(() => app.close());

  it('reads last year’s report by default: computed rows from the data, manual rows empty and listed as missing', async () => {
    const res = await call('wr-operator', 'GET', BASE);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    const value = (code: string) => body.rows.find((r: { code: string }) => r.code === code).value;
    expect([
      value('site.name'),
      value('publish.total'),
      value('publish.overview'),
      value('interpretation.materials'),
    ]).toEqual(['临港区教育局网站', 3, 1, 1]);
    expect(body.missing).toContain('ICP备案编号');
  });

  it.each(AGENCY_ROLES.filter((r) => r !== 'agency_admin'))(
    'refuses the %s filling in (403)',
    async (role) => {
      expect((await call(`wr-${role}`, 'PUT', BASE, { fields: { 'site.icp': 'x' } })).statusCode).toBe(403);
    },
  );

  it('lets a supervisor above read and download, never fill in; refuses another subtree and outsiders', async () => {
    expect((await call('wr-supervisor', 'GET', BASE)).statusCode).toBe(200);
    expect((await call('wr-supervisor', 'GET', `${BASE}.xlsx?draft=1`)).statusCode).toBe(200);
    expect((await call('wr-supervisor', 'PUT', BASE, { fields: { 'site.icp': 'x' } })).statusCode).toBe(403);
    expect((await call('wr-other-sup', 'GET', BASE)).statusCode).toBe(403);
    expect((await call('wr-outsider', 'GET', `${BASE}.docx?draft=1`)).statusCode).toBe(403);
    expect((await call(null, 'GET', BASE)).statusCode).toBe(401);
  });

  it('refuses bad values naming each row in Chinese, writing nothing', async () => {
    const res = await call('wr-agency_admin', 'PUT', `${BASE}?year=2026`, {
      fields: { 'site.icp': '鲁ICP备1号', 'visits.total': -3, 'publish.total': 9 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'visits.total', message: '“网站总访问量”应为不小于 0 的整数（单位：次）' },
      { field: 'publish.total', message: '“信息发布总数”由平台按本年数据计算，不能填写' },
    ]);
    const stored = await db.kysely.selectFrom('website_reports').selectAll().execute();
    expect(stored).toEqual([]);
  });

  it('refuses the final export naming the empty rows; a draft exports', async () => {
    const res = await call('wr-agency_admin', 'GET', `${BASE}.docx?year=2026`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('ICP备案编号、公安机关备案号');
    expect(res.json().error.details[0]).toEqual({ field: 'site.icp', message: '请填写“ICP备案编号”' });
    const draft = await call('wr-agency_admin', 'GET', `${BASE}.docx?year=2026&draft=1`);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-disposition']).toContain('draft');
  });

  it('saves the manual rows with one event naming the changes, then exports DOCX and XLSX as the template', async () => {
    const res = await call('wr-agency_admin', 'PUT', `${BASE}?year=2026`, { fields: FILLED });
    expect(res.statusCode).toBe(200);
    expect(res.json().missing).toEqual([]);
    const again = await call('wr-agency_admin', 'PUT', `${BASE}?year=2026`, {
      fields: { 'visits.total': 310245 },
    });
    expect(again.statusCode).toBe(200);
    const events = await db.kysely
      .selectFrom('events')
      .select(['name', 'data'])
      .where('name', '=', 'website_report.saved')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].data).changes['visits.total']).toEqual({ before: null, after: 310245 });

    const docx = await call('wr-supervisor', 'GET', `${BASE}.docx?year=2026`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    for (const words of [
      '政府网站工作年度报表',
      '（2026年度）',
      '填报单位：临港区教育局',
      'ICP备案编号',
      '鲁ICP备05002386号',
      '310245',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('草稿');

    const xlsx = await call('wr-agency_admin', 'GET', `${BASE}.xlsx?year=2026`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([xlsx.rawPayload]));
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0][0]).toBe('政府网站工作年度报表（2026年度）');
    expect(rows[1][0]).toBe('填报单位：临港区教育局');
    // merged cells read back with the merge's value in each of their cells
    expect(rows).toContainEqual(['基本信息', '网站总访问量（单位：次）', '网站总访问量（单位：次）', 310245]);
    expect(rows).toContainEqual(['解读回应', '解读信息发布', '总数（单位：条）', 4]);
  });
});
