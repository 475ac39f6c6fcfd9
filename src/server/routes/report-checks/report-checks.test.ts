import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { portalServer } from '../../../portal/testing.ts';
import { signInAs } from '../../testing.ts';

const CODE = 'checkbatch';
const BASE = `/api/v1/agencies/${CODE}/report-checks`;
const SEED = readFileSync(
  new URL('../../../../test/fixtures/lingang-2021-annual-report.txt', import.meta.url),
  'utf8',
);
/** The seed as its 2022 report: its table 三 carries in 1 where 2021 carried out 0 (R7), and the same text (R12). */
const NEXT_YEAR = SEED.replaceAll('2021年', '2022年').replace(
  '二、上年结转政府信息公开申请数量\n\t0\n',
  '二、上年结转政府信息公开申请数量\n\t1\n',
);
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const as = (who: string) => ({ 'x-gongkai-user': `${CODE}-${who}` });

describeEachDatabase('年报体检 batches (API)', (use) => {
  let app: FastifyInstance;
  let batchId = 0;

  beforeAll(async () => {
    app = await portalServer(use(), CODE, new Date('2023-01-20T02:00:00Z'));
  });
  afterAll(() => app.close());

  it('checks several files as one batch: each report, its findings, the previous year paired', async () => {
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: as('operator'),
      payload: {
        name: '2022年度区县报告',
        files: [
          { fileName: 'lingang-2021.txt', contentBase64: b64(SEED) },
          { fileName: 'lingang-2022.txt', contentBase64: b64(NEXT_YEAR) },
          { fileName: 'scan.png', contentBase64: PNG },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json();
    batchId = batch.id;
    expect(batch).toMatchObject({
      name: '2022年度区县报告',
      reports: 2,
      unreadable: 1,
      createdAt: '2023-01-20T02:00:00.000Z',
    });
    expect(batch.createdByName).not.toBe(`${CODE}-operator`);
    const [first, second, picture] = batch.checks;
    expect(first).toMatchObject({ fileName: 'lingang-2021.txt', year: 2021, errors: 0, findings: [] });
    expect(second).toMatchObject({ fileName: 'lingang-2022.txt', year: 2022, format: '2021' });
    const rules = second.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('R7');
    expect(rules).toContain('R12');
    const r7 = second.findings.find((f: { rule: string }) => f.rule === 'R7');
    expect(r7.cellLabels.join('')).toContain('上年结转');
    expect(picture).toMatchObject({ fileName: 'scan.png', agencyName: null, findings: [] });
    expect(picture.unreadable).toContain('上传的是图片');
    const events = await use()
      .kysely.selectFrom('events')
      .select(['name', 'subject_type'])
      .where('name', 'like', 'report_checks.%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.name)).toEqual([
      'report_checks.batch_created',
      'report_checks.created',
      'report_checks.created',
      'report_checks.created',
    ]);
  });

  it('lists the batches and shows one', async () => {
    const list = await app.inject({ url: BASE, headers: as('reviewer') });
    expect(list.statusCode).toBe(200);
    expect(list.json().batches).toEqual([
      expect.objectContaining({ id: batchId, name: '2022年度区县报告', reports: 2, unreadable: 1 }),
    ]);
    const one = await app.inject({ url: `${BASE}/${batchId}`, headers: as('approver') });
    expect(one.statusCode).toBe(200);
    expect(one.json().checks).toHaveLength(3);
    const missing = await app.inject({ url: `${BASE}/99999`, headers: as('approver') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('未找到该年报体检批次');
  });

  it('lets a supervisor over the agency check reports there and read the batches, a platform administrator read them; refuses a sibling supervisor', async () => {
    const db = use();
    const agency = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', CODE)
      .executeTakeFirstOrThrow();
    const parent = await addAgency(db, `${CODE}-city`, '市政府办公室');
    await db.kysely.updateTable('agencies').set({ parent_id: parent }).where('id', '=', agency.id).execute();
    const sibling = await addAgency(db, `${CODE}-sibling`, '邻区政府办公室');
    const password = 'supervise-2026';
    await addUser(db, { username: 'city-sup', password, agencyId: parent, roles: ['supervisor'] });
    await addUser(db, { username: 'sibling-sup', password, agencyId: sibling, roles: ['supervisor'] });
    await addUser(db, { username: 'platform-root', password, platformAdmin: true });
    const cases: Array<[string, number, number]> = [
      ['city-sup', 200, 400], // admitted: the empty upload is refused for what it is
      ['platform-root', 200, 403],
      ['sibling-sup', 403, 403],
    ];
    for (const [username, read, upload] of cases) {
      const { headers } = await signInAs(app, username, password);
      const list = await app.inject({ url: `${BASE}/${batchId}`, headers });
      expect([username, list.statusCode]).toEqual([username, read]);
      const post = await app.inject({ method: 'POST', url: BASE, headers, payload: { files: [] } });
      expect([username, post.statusCode]).toEqual([username, upload]);
    }
  });

  it.each([
    ['reports.csv', 'source_file', 'lingang-2022.txt'],
    ['findings.csv', 'rule_name', 'R7'],
  ])('exports %s with the CLI batch columns', async (file, column, value) => {
    const res = await app.inject({ url: `${BASE}/${batchId}/${file}`, headers: as('operator') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`report-check-${batchId}-${file}`);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body.split('\r\n')[0]).toContain(column);
    expect(res.body).toContain(value);
  });

  it.each([
    ['no file', { files: [] }, 400, '请选择要检查的报告文件'],
    [
      'a file over 20 MB',
      {
        files: [
          { fileName: 'big.txt', contentBase64: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20).toString('base64') },
        ],
      },
      413,
      '文件“big.txt”超过 20 MB 的上限',
    ],
    ['content not base64', { files: [{ fileName: 'x.txt', contentBase64: '***' }] }, 400, 'base64'],
  ])('refuses %s', async (_situation, payload, status, message) => {
    const res = await app.inject({ method: 'POST', url: BASE, headers: as('operator'), payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toContain(message);
  });
});
