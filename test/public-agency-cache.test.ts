/**
 * The access gate keeps the agency of a public route for a few seconds (PUBLIC_AGENCY_TTL_MS,
 * src/server/access.ts: one read fewer per online submission, issue 12): an unknown code is never
 * kept (an agency created after a 404 is found at once), a kept agency is found by its code until
 * the time is up even if an import renamed it meanwhile, and staff routes always read afresh.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachDatabase } from './databases.ts';

const applicant = {
  name: '申请人',
  idType: 'passport',
  idNumber: 'E30000001',
  phone: '13800138000',
  address: '威海市临港区测试路1号',
  information: '2021年城乡低保资金发放明细',
  form: 'paper',
  delivery: 'post',
};

describeEachDatabase('the public routes’ agency, kept a few seconds', (use) => {
  let app: FastifyInstance;
  let n = 0;
  const file = (code: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${code}/requests/online`,
      remoteAddress: `192.0.2.${++n}`,
      payload: { applicantType: 'natural_person', applicant },
    });

  beforeAll(async () => {
    app = await buildServer({
      db: use(),
      now: () => new Date('2021-06-10T02:00:00Z'),
      trustUserHeader: true,
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('looks an unknown code up every time: an agency created after a 404 is found at once', async () => {
    const before = await file('cachezone');
    expect(before.statusCode).toBe(404);
    expect(before.json().error.message).toBe('未找到机关代码为 cachezone 的机关');
    await createTestAgency(use(), 'cachezone');
    const after = await file('cachezone');
    expect(after.statusCode, after.body).toBe(201);
  });

  it('keeps a found agency by its code; a renamed code is found at once, staff routes read afresh', async () => {
    const id = await createTestAgency(use(), 'keptzone');
    expect((await file('keptzone')).statusCode).toBe(201);
    await use().kysely.updateTable('agencies').set({ code: 'renamedzone' }).where('id', '=', id).execute();
    // the public route still knows the old code for a few seconds; the request lands in the same agency
    const kept = await file('keptzone');
    expect(kept.statusCode, kept.body).toBe(201);
    const renamed = await file('renamedzone');
    expect(renamed.statusCode, renamed.body).toBe(201);
    const rows = await use()
      .kysely.selectFrom('requests')
      .select('agency_id')
      .where(
        'tracking_code',
        'in',
        [kept.json().trackingCode, renamed.json().trackingCode].map((c: string) => c.replaceAll('-', '')),
      )
      .execute();
    expect(rows).toEqual([{ agency_id: id }, { agency_id: id }]);
    // a staff route reads the agency afresh: the old code is unknown there
    const staff = await app.inject({
      url: '/api/v1/agencies/keptzone/requests',
      headers: { 'x-gongkai-user': 'someone' },
    });
    expect(staff.statusCode, staff.body).toBe(404);
  });
});
