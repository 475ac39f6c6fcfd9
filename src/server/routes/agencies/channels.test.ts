import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { AGENCY_ROLES } from '../../../domain/accounts/roles.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'channels-route-2026';

describeEachDatabase('GET /api/v1/agencies/:code/channels', (use) => {
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    const db = use();
    const mine = await addAgency(db, 'ch-mine');
    const other = await addAgency(db, 'ch-other');
    await db.kysely
      .insertInto('agency_channels')
      .values([
        { agency_id: mine, code: 'website', name: '门户网站', sort: 0 },
        { agency_id: mine, code: 'wechat', name: '微信公众号', sort: 1 },
        { agency_id: other, code: 'weibo', name: '微博', sort: 0 },
      ])
      .execute();
    for (const role of AGENCY_ROLES)
      await addUser(db, { username: `ch-${role}`, password: PASSWORD, agencyId: mine, roles: [role] });
    await addUser(db, { username: 'ch-other', password: PASSWORD, agencyId: other, roles: ['agency_admin'] });
    app = await buildServer({ db, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of [...AGENCY_ROLES.map((r) => `ch-${r}`), 'ch-other'])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(() => app.close());

  const get = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/v1/agencies/ch-mine/channels', headers });

  it.each(AGENCY_ROLES)('answers the agency’s own channels, in its order, to its %s', async (role) => {
    const res = await get(as[`ch-${role}`]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      channels: [
        { code: 'website', name: '门户网站', website: true },
        { code: 'wechat', name: '微信公众号', website: false },
      ],
    });
  });

  it('refuses another agency’s staff and nobody', async () => {
    expect((await get(as['ch-other'])).statusCode).toBe(403);
    expect((await get({})).statusCode).toBe(401);
  });
});
