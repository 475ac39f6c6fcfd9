/**
 * Issue 13: people are shown by name (姓名), not username, in the histories the console and the
 * API show: the registry's document history and yearly review, the calendar's changes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from './databases.ts';
import { demoApp, OPERATOR, PLATFORM } from './report-app.ts';

const REGISTRY = '/api/v1/agencies/lingang/registry';

describeEachWithDemo('people by name in histories (issue 13)', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use(), new Date('2026-03-02T02:00:00Z'));
  });
  afterAll(() => app.close());

  it('a registry document’s history and the yearly review name the operator, not the username', async () => {
    const issued = await app.inject({
      method: 'POST',
      url: `${REGISTRY}/documents`,
      headers: OPERATOR,
      payload: {
        kind: 'normative',
        docNumber: '临政办发〔2025〕99号',
        title: '关于人名显示的规定',
        issuedOn: '2025-03-01',
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const id = issued.json().id;
    const history = (await app.inject({ url: `${REGISTRY}/documents/${id}`, headers: OPERATOR })).json();
    expect(history.events).toEqual([
      expect.objectContaining({ actor: 'lingang-operator', actorName: '临港区政务公开经办人' }),
    ]);

    const reviewed = await app.inject({
      method: 'POST',
      url: `${REGISTRY}/reviews/2025`,
      headers: OPERATOR,
      payload: { reviewedOn: '2026-01-10', decisions: [{ documentId: id, decision: 'kept' }] },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    const pass = (await app.inject({ url: `${REGISTRY}/reviews/2025`, headers: OPERATOR })).json();
    const mine = pass.decisions.find((d: { document: { id: number } }) => d.document.id === id);
    expect(mine).toMatchObject({ actor: 'lingang-operator', actorName: '临港区政务公开经办人' });
  });

  it('the calendar’s overrides name the platform administrator who entered them', async () => {
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      headers: PLATFORM,
      payload: { date: '2027-01-05', kind: 'holiday', source: '临政办发〔2026〕1号' },
    });
    expect(added.statusCode, added.body).toBeLessThan(300);
    const year = (await app.inject({ url: '/api/v1/calendar?year=2027', headers: PLATFORM })).json();
    expect(year.overrides).toEqual([
      expect.objectContaining({ date: '2027-01-05', actor: 'platform-admin', actorName: '平台管理员' }),
    ]);
    // the public sees the override, not who entered it
    const open = await app.inject('/api/v1/calendar?year=2027');
    expect(open.json().overrides).toEqual([expect.objectContaining({ date: '2027-01-05' })]);
    expect(open.body).not.toMatch(/platform-admin|平台管理员/);
  });
});
