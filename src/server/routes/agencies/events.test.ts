import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { appendEvent } from '../../../db/events.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'events-route-2026';

describeEachDatabase('GET /api/v1/agencies/:code/events (操作日志)', (use) => {
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    const db = use();
    const mine = await addAgency(db, 'log-mine');
    const other = await addAgency(db, 'log-other');
    await addUser(db, {
      username: 'mine-admin',
      password: PASSWORD,
      agencyId: mine,
      roles: ['agency_admin'],
    });
    await addUser(db, { username: 'mine-operator', password: PASSWORD, agencyId: mine, roles: ['operator'] });
    await addUser(db, { username: 'mine-approver', password: PASSWORD, agencyId: mine, roles: ['approver'] });
    await addUser(db, { username: 'mine-reviewer', password: PASSWORD, agencyId: mine, roles: ['reviewer'] });
    await addUser(db, {
      username: 'other-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    const append = (name: string, agency: number, actor: string, at: string, id: number) =>
      appendEvent(db.kysely, { name, subject: { type: 'request', id }, agency, actor, at: new Date(at) });
    await append('requests.received', mine, 'mine-operator', '2026-11-01T02:00:00.000Z', 1);
    await append('requests.extended', mine, 'mine-admin', '2026-11-02T17:00:00.000Z', 1);
    await append('items.created', mine, 'mine-operator', '2026-11-03T02:00:00.000Z', 2);
    await append('requests.received', other, 'other-admin', '2026-11-03T03:00:00.000Z', 3);
    app = await buildServer({ db, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of ['mine-admin', 'mine-operator', 'mine-approver', 'mine-reviewer', 'other-admin'])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(() => app.close());

  const get = (query: string, headers: Record<string, string> = as['mine-admin']) =>
    app.inject({ method: 'GET', url: `/api/v1/agencies/log-mine/events${query}`, headers });

  it("shows the agency administrator their agency's events, newest first, filtered", async () => {
    const all = await get('');
    expect(all.statusCode).toBe(200);
    expect(all.json().events.map((e: { name: string; actor: string }) => [e.name, e.actor])).toEqual([
      ['items.created', 'mine-operator'],
      ['requests.extended', 'mine-admin'],
      ['requests.received', 'mine-operator'],
    ]);
    const names = async (query: string) =>
      (await get(query)).json().events.map((e: { name: string }) => e.name) as string[];
    expect(await names('?actor=mine-operator&name=requests')).toEqual(['requests.received']);
    // 2026-11-02T17:00Z is 2026-11-03 01:00 in China
    expect(await names('?from=2026-11-03&to=2026-11-03')).toEqual(['items.created', 'requests.extended']);
    const first = (await get('?limit=2')).json();
    expect(first.events).toHaveLength(2);
    const rest = await names(`?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(rest).toEqual(['requests.received']);
  });

  it('refuses a bad filter naming it', async () => {
    const res = await get('?from=2026-13');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('起始日期');
  });

  it('refuses staff of the agency without the administrator role, another agency and nobody', async () => {
    for (const user of ['mine-operator', 'mine-approver', 'mine-reviewer'])
      expect((await get('', as[user])).statusCode).toBe(403);
    expect((await get('', as['other-admin'])).statusCode).toBe(403);
    expect((await get('', {})).statusCode).toBe(401);
  });
});
