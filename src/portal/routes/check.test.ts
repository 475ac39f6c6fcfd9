import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../../test/accounts.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Db } from '../../db/connection.ts';
import { signInAs } from '../../server/testing.ts';
import { portalServer, unlabelledFields } from '../testing.ts';

const CODE = 'checkzone';
const SEED = readFileSync(new URL('../../../test/fixtures/lingang-2021-annual-report.txt', import.meta.url));
/** The seed with table 三's 予以公开 by natural persons printed 3 instead of 1: the sums break. */
const BROKEN = Buffer.from(SEED.toString('utf8').replace('（一）予以公开\n\t1\n', '（一）予以公开\n\t3\n'));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

type Upload = { name: string; bytes: Uint8Array };

/** A multipart body with one part more than the form has. */
const THREE_FILES = `${['report', 'previous', 'extra']
  .map((n) => `--abc\r\nContent-Disposition: form-data; name="${n}"; filename="${n}.txt"\r\n\r\nx\r\n`)
  .join('')}--abc--\r\n`;

/** A multipart body as a browser sends the form. */
async function multipartBody(fields: Record<string, string>, files: Record<string, Upload>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, file] of Object.entries(files))
    form.append(name, new Blob([Uint8Array.from(file.bytes)]), file.name);
  const request = new Request('http://portal.invalid/check', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

const countOf = async (db: Db, table: 'report_checks' | 'events', name?: string) => {
  let query = db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  if (name) query = query.where('name' as never, '=', name as never);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

describeEachDatabase('portal 年报体检 (/check)', (use) => {
  let app: FastifyInstance;
  let client = 0;

  const post = async (files: Record<string, Upload>, headers: Record<string, string> = {}) => {
    const page = await app.inject({ url: '/check', headers });
    const cookie = String(page.headers['set-cookie'] ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const { payload, contentType } = await multipartBody({ _csrf: csrf }, files);
    return app.inject({
      method: 'POST',
      url: '/check',
      remoteAddress: `192.0.2.${++client}`,
      headers: { ...headers, cookie, 'content-type': contentType },
      payload,
    });
  };

  beforeAll(async () => {
    app = await portalServer(use(), CODE, new Date('2022-01-20T02:00:00Z'));
  });
  afterAll(() => app.close());

  it('shows the form: labelled file fields, the size limit, that nothing is kept, linked from the navigation', async () => {
    const res = await app.inject({ url: '/check' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toContain('不超过 20 MB');
    expect(res.body).toContain('文件和结果均不保存');
    expect(res.body).toContain('<a href="/check" aria-current="page">年报体检</a>');
    expect(unlabelledFields(res.body)).toEqual([]);
    expect(res.body).not.toContain('<script');
    const reports = await app.inject({ url: '/reports' });
    expect(reports.body).toContain('href="/check"');
  });

  it('reads the seed report with no findings, tables and sections shown; an anonymous check keeps nothing', async () => {
    const before = await countOf(use(), 'events');
    const res = await post({ report: { name: 'lingang-2021.txt', bytes: SEED } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('威海临港经济技术开发区管理委员会');
    expect(res.body).toContain('2021年度');
    expect(res.body).toContain('国办公开办函〔2021〕30号');
    expect(res.body).toContain('错误 0 项，警告 0 项');
    expect(res.body).toContain('未发现问题。');
    expect(res.body).toContain('表二 100%，表三 100%，表四 100%');
    // table 三 as read: 予以公开 by natural persons, and its total
    expect(res.body).toContain('<td data-cell="t3.granted.natural_person" class="c">1</td>');
    expect(res.body).toContain('<td data-cell="t3.total.total" class="c">6</td>');
    expect(res.body.match(/<table class="gk-table/g)).toHaveLength(3);
    expect(res.body).toContain('本次检查未保存任何内容。');
    expect(res.body).not.toContain('<strong>未找到</strong>');
    expect(await countOf(use(), 'report_checks')).toBe(0);
    expect(await countOf(use(), 'events')).toBe(before);
  });

  it('shows the findings of a broken report, the cells involved flagged', async () => {
    const res = await post({ report: { name: 'broken.txt', bytes: BROKEN } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toMatch(/错误 [1-9]\d* 项/);
    expect(res.body).toContain('<td>错误</td><td>R');
    expect(res.body).toContain('<td data-cell="t3.granted.natural_person" class="c">3</td>');
    // R3: the column's outcomes no longer add up to （七）总计; R4: the row no longer adds up to its total
    expect(res.body).toContain('<td data-cell="t3.total.natural_person" class="c flag">6</td>');
    expect(res.body).toContain('<td data-cell="t3.granted.total" class="c flag">1</td>');
    expect(res.body).toContain('R3 ');
    expect(res.body).toContain('R4 ');
  });

  it('marks a cell it could not read with the reason', async () => {
    const blanked = Buffer.from(
      SEED.toString('utf8').replace('（一）予以公开\n\t1\n', '（一）予以公开\n\t\n'),
    );
    const res = await post({ report: { name: 'blank.txt', bytes: blanked } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toMatch(
      /<td data-cell="t3\.granted\.natural_person" title="未读出：[^"]+" class="c[^"]*unread"><span aria-hidden="true">？<\/span>/,
    );
  });

  describe('refusals name the field and say what to do; nothing is stored', () => {
    it.each([
      ['a picture', { report: { name: 'scan.png', bytes: PNG } }, 415, '报告文件无法读取：上传的是图片'],
      [
        'a file over 20 MB',
        { report: { name: 'big.txt', bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20) } },
        413,
        '报告文件超过 20 MB 的上限',
      ],
      ['no file', {}, 400, '请选择要检查的报告文件'],
      [
        'an unreadable previous report',
        { report: { name: 'r.txt', bytes: SEED }, previous: { name: 'p.png', bytes: PNG } },
        415,
        '上年报告无法读取：上传的是图片',
      ],
    ])('%s', async (_situation, files, status, message) => {
      const res = await post(files as Record<string, Upload>);
      expect(res.statusCode).toBe(status);
      expect(res.body).toContain(message);
      expect(res.body).toContain('aria-invalid="true"');
      expect(await countOf(use(), 'report_checks')).toBe(0);
    });

    it.each([
      ['no boundary', 'multipart/form-data', 'x'],
      [
        'a body cut short',
        'multipart/form-data; boundary=abc',
        '--abc\r\nContent-Disposition: form-data; name="report"; filename="r.txt"\r\n\r\nabc',
      ],
      ['garbage', 'multipart/form-data; boundary=abc', '\u0000\u0001garbage'],
      ['a urlencoded post', 'application/x-www-form-urlencoded', 'report=x'],
      ['three files', 'multipart/form-data; boundary=abc', THREE_FILES],
    ])('a malformed post (%s): refused, never a server error', async (_situation, contentType, payload) => {
      const res = await app.inject({
        method: 'POST',
        url: '/check',
        remoteAddress: `192.0.2.${++client}`,
        headers: { 'content-type': contentType },
        payload,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).not.toMatch(/FST_|Error:/);
    });

    it('a post without the form token', async () => {
      const { payload, contentType } = await multipartBody({}, { report: { name: 'r.txt', bytes: SEED } });
      const res = await app.inject({
        method: 'POST',
        url: '/check',
        remoteAddress: '192.0.2.250',
        headers: { 'content-type': contentType },
        payload,
      });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('CSRF');
    });
  });

  it.each([
    ['a platform administrator, under no agency', { platformAdmin: true }, null],
    ['an operator', { roles: ['operator'] }, 'agency'],
  ] as Array<[string, { platformAdmin?: boolean; roles?: string[] }, 'agency' | null]>)(
    'keeps the check of %s signed in by the session cookie (the form token is the CSRF check)',
    async (_who, grant, under) => {
      const db = use();
      const agency = await db.kysely
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', CODE)
        .executeTakeFirstOrThrow();
      const username = `session-${under ?? 'platform'}`;
      await addUser(db, { username, password: 'check-session-2026', agencyId: agency.id, ...grant });
      const { cookie: session } = await signInAs(app, username, 'check-session-2026');
      const page = await app.inject({ url: '/check', headers: { cookie: session } });
      expect(page.body).toContain('将保存为年报体检记录');
      const csrfCookie = String(page.headers['set-cookie'] ?? '').split(';')[0];
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const { payload, contentType } = await multipartBody(
        { _csrf: csrf },
        { report: { name: 'r.txt', bytes: SEED } },
      );
      const res = await app.inject({
        method: 'POST',
        url: '/check',
        remoteAddress: `192.0.2.${++client}`,
        headers: { cookie: `${session}; ${csrfCookie}`, 'content-type': contentType },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      const row = await db.kysely
        .selectFrom('report_checks')
        .select('agency_id')
        .where('checked_by', '=', username)
        .executeTakeFirstOrThrow();
      expect(row.agency_id).toBe(under === null ? null : agency.id);
    },
  );

  it('limits posts per address like the other anonymous forms (30 a minute), then 429 in Chinese', async () => {
    const { payload, contentType } = await multipartBody({}, {});
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/check',
        remoteAddress: '198.51.100.7',
        headers: { 'content-type': contentType },
        payload,
      });
    for (let i = 0; i < 30; i++) expect((await send()).statusCode).not.toBe(429);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('提交过于频繁，请 1 分钟后再提交。');
  });

  it('keeps a signed-in staff user’s check with its event, under their agency', async () => {
    const headers = { 'x-gongkai-user': `${CODE}-operator` };
    const form = await app.inject({ url: '/check', headers });
    expect(form.body).toContain('将保存为年报体检记录');
    const res = await post(
      { report: { name: 'lingang-2021.txt', bytes: SEED }, previous: { name: 'prev.txt', bytes: SEED } },
      headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toMatch(/检查结果已保存（年报体检记录 \d+ 号）/);
    const agency = await use()
      .kysely.selectFrom('agencies')
      .select('id')
      .where('code', '=', CODE)
      .executeTakeFirstOrThrow();
    const row = await use()
      .kysely.selectFrom('report_checks')
      .selectAll()
      .where('checked_by', '=', `${CODE}-operator`)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      agency_id: agency.id,
      batch_id: null,
      file_name: 'lingang-2021.txt',
      size: SEED.byteLength,
      source_type: 'text',
      agency_name: '威海临港经济技术开发区管理委员会',
      year: 2021,
      format: '2021',
      checked_by: `${CODE}-operator`,
      checked_at: '2022-01-20T02:00:00.000Z',
    });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row.result).cells['t3.total.total']).toBe(6);
    const event = await use()
      .kysely.selectFrom('events')
      .selectAll()
      .where('name', '=', 'report_checks.created')
      .where('subject_id', '=', String(row.id))
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      agency_id: agency.id,
      subject_type: 'report_check',
      subject_id: String(row.id),
      actor: `${CODE}-operator`,
    });
    expect(JSON.parse(event.data)).toMatchObject({ fileName: 'lingang-2021.txt', year: 2021 });
  });
});
