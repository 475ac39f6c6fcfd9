/** People by name: the event log, a case's and an item's history name users by 姓名, not username. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../test/databases.ts';
import { buildServer } from '../app.ts';
import { signInAs } from '../testing.ts';

describeEachWithDemo('people by name in the API', (use) => {
  let app: FastifyInstance;
  let headers: Record<string, string> = {};
  let names = new Map<string, string>();
  let itemId = 0;
  const get = async (url: string) => {
    const res = await app.inject({ url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** what the API must show for a recorded actor */
  const shown = (username: string) => names.get(username) ?? '系统';

  beforeAll(async () => {
    app = await buildServer({ db: use(), signInLimits: { perIpPerMinute: 1000 } });
    await app.ready();
    headers = (await signInAs(app, 'lingang-admin', 'demo-admin-2021')).headers;
    const users = await use().kysely.selectFrom('users').select(['username', 'display_name']).execute();
    names = new Map(users.map((u) => [u.username, u.display_name]));
    // a draft by the operator, sent for review: two events by a user
    const operator = (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies/lingang/items',
      headers: operator,
      payload: { title: '关于姓名显示的测试通知', category: 'a20.1', formedOn: '2026-01-05' },
    });
    expect(created.statusCode, created.body).toBe(201);
    itemId = created.json().itemId;
  });
  afterAll(() => app.close());

  it('names each actor of the event log by name', async () => {
    const { events } = (await get('/api/v1/agencies/lingang/events?limit=200')) as {
      events: Array<{ actor: string; actorName: string }>;
    };
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.actorName).toBe(shown(e.actor));
    expect(events.some((e) => names.has(e.actor))).toBe(true);
  });

  it('names the actors of a case’s history and the uploader of its files', async () => {
    const { id } = await use()
      .kysely.selectFrom('requests')
      .select('id')
      .where('state', '!=', 'received')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const found = await get(`/api/v1/agencies/lingang/requests/${id}`);
    expect(found.events.length).toBeGreaterThan(1);
    for (const e of found.events) expect(e.actorName).toBe(shown(e.actor));
    for (const a of found.attachments) expect(a.createdByName).toBe(shown(a.createdBy));
  });

  it('names an item’s author, reviewer and the actors of its history', async () => {
    const item = await get(`/api/v1/agencies/lingang/items/${itemId}`);
    expect(item.createdBy).toBe('lingang-operator');
    expect(item.createdByName).toBe(names.get('lingang-operator'));
    expect(item.events.map((e: { actorName: string }) => e.actorName)).toEqual([
      names.get('lingang-operator'),
    ]);
    const reviewed = await use()
      .kysely.selectFrom('items')
      .select('id')
      .where('reviewer', 'is not', null)
      .orderBy('id')
      .executeTakeFirst();
    if (reviewed) {
      const withReview = await get(`/api/v1/agencies/lingang/items/${reviewed.id}`);
      expect(withReview.review.reviewerName).toBe(shown(withReview.review.reviewer));
    }
  });
});
