import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'remedies-route-2026';
const URL = '/api/v1/agencies/rm-mine/remedies';

describeEachDatabase('GET|PUT /api/v1/agencies/:code/remedies (复议法 第二十三条第二款)', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = use();
    agencyId = await addAgency(db, 'rm-mine');
    await db.kysely
      .updateTable('agencies')
      .set({ review_body: '', court: '' })
      .where('id', '=', agencyId)
      .execute();
    await addUser(db, { username: 'rm-admin', password: PASSWORD, agencyId, roles: ['agency_admin'] });
    await addUser(db, { username: 'rm-operator', password: PASSWORD, agencyId, roles: ['operator'] });
    await addUser(db, { username: 'rm-approver', password: PASSWORD, agencyId, roles: ['approver'] });
    await addUser(db, { username: 'rm-reviewer', password: PASSWORD, agencyId, roles: ['reviewer'] });
    const other = await addAgency(db, 'rm-other');
    await addUser(db, {
      username: 'rm-other-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    app = await buildServer({ db, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of ['rm-admin', 'rm-operator', 'rm-approver', 'rm-reviewer', 'rm-other-admin'])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(() => app.close());

  const put = (user: string, payload: object) =>
    app.inject({ method: 'PUT', url: URL, headers: as[user], payload });

  it('reads blanks until the agency admin sets them', async () => {
    const res = await app.inject({ method: 'GET', url: URL, headers: as['rm-operator'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reviewBody: '', court: '', complaintChannel: '' });
  });

  it('lets the agency admin set them, with an event before → after', async () => {
    const body = {
      reviewBody: ' 威海市人民政府 ',
      court: '威海市环翠区人民法院',
      complaintChannel: '威海市人民政府办公室',
    };
    const res = await put('rm-admin', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...body, reviewBody: '威海市人民政府' });
    const event = await db.kysely
      .selectFrom('events')
      .select(['name', 'actor', 'data'])
      .where('agency_id', '=', agencyId)
      .where('name', '=', 'settings.remedies_set')
      .executeTakeFirstOrThrow();
    expect(event.actor).toBe('rm-admin');
    expect(JSON.parse(event.data)).toMatchObject({
      before: { reviewBody: '' },
      after: { reviewBody: '威海市人民政府' },
    });
  });

  it('refuses an operator (only the agency admin sets what the letters say)', async () => {
    const res = await put('rm-operator', { reviewBody: '某市人民政府', court: '某区人民法院' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('机关管理员');
  });

  it.each(['rm-operator', 'rm-approver', 'rm-reviewer'])(
    'lets %s of the agency read them, not set them',
    async (user) => {
      expect((await app.inject({ method: 'GET', url: URL, headers: as[user] })).statusCode).toBe(200);
      expect((await put(user, { reviewBody: '某市人民政府', court: '某区人民法院' })).statusCode).toBe(403);
    },
  );

  it('refuses another agency’s administrator and nobody, reading or setting', async () => {
    for (const headers of [as['rm-other-admin'], {}]) {
      const read = await app.inject({ method: 'GET', url: URL, headers });
      const write = await app.inject({
        method: 'PUT',
        url: URL,
        headers,
        payload: { reviewBody: 'x', court: 'y' },
      });
      expect([401, 403, 404]).toContain(read.statusCode);
      expect([401, 403, 404]).toContain(write.statusCode);
    }
  });

  it('refuses a blank review body in Chinese, naming the field, and writes nothing', async () => {
    const res = await put('rm-admin', { reviewBody: ' ', court: '某区人民法院' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('行政复议机关');
    expect(res.json().error.message).not.toContain('reviewBody');
    const row = await db.kysely
      .selectFrom('agencies')
      .select('review_body')
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow();
    expect(row.review_body).toBe('威海市人民政府');
  });
});
