/**
 * Every API route, enumerated as the server registers it: a user of another agency (holding every
 * role there), a supervisor of a sibling subtree and an anonymous caller are refused (401/403/404) on
 * every route that is not in the public allow-list; a supervisor of the agency's own subtree is
 * admitted to the agency's staff reads (not the hidden ones: domain/supervision/policy.ts), its
 * 年报体检 and its supervision, and refused every other route (src/server/access.ts, a reason each). A new route is covered automatically;
 * a new public route must be added to the allow-list, which this test checks against the routes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SUPERVISOR_ROLE } from '../src/domain/accounts/actor.ts';
import { supervisorMayRead } from '../src/domain/supervision/policy.ts';
import { isPublicRoute, PUBLIC_ROUTES } from '../src/server/access.ts';
import { buildServer } from '../src/server/app.ts';
import { signInAs } from '../src/server/testing.ts';
import { addAgency, addUser } from './accounts.ts';
import { describeEachWithDemo } from './databases.ts';

const PASSWORD = 'other-agency-2026';
const ALL_ROLES = ['operator', 'approver', 'reviewer', 'agency_admin'];

describeEachWithDemo('authorization of every route across agencies', (use) => {
  let app: FastifyInstance;
  const routes: Array<{ method: string; url: string; policy?: string }> = [];
  const params: Record<string, string> = {
    code: 'lingang',
    year: '2021',
    format: 'html',
    action: 'extend',
    username: 'lingang-operator',
    role: 'operator',
    kind: 'acknowledgement',
    column: 'x',
    date: '2026-10-01',
    attachmentId: '1',
    letterId: '1',
    trackingCode: 'unknown',
  };
  let other: Record<string, string> = {};
  /** signed-in callers who hold no staff role in lingang, by what they are */
  const outsiders: Array<{ who: string; headers: Record<string, string> }> = [];

  beforeAll(async () => {
    const db = use();
    const otherId = await addAgency(db, 'other');
    await addUser(db, { username: 'other-all', password: PASSWORD, agencyId: otherId, roles: ALL_ROLES });
    // A small tree: city above lingang and above a sibling district with an office of its own.
    const city = await addAgency(db, 'city');
    await db.kysely.updateTable('agencies').set({ parent_id: city }).where('code', '=', 'lingang').execute();
    const sibling = await addAgency(db, 'sibling', undefined, city);
    await addAgency(db, 'sibling-office', undefined, sibling);
    const supervisor = (username: string, agencyId: number) =>
      addUser(db, { username, password: PASSWORD, agencyId, roles: [SUPERVISOR_ROLE] });
    await supervisor('sibling-supervisor', sibling);
    await supervisor('city-supervisor', city);
    const request = await db.kysely
      .selectFrom('letters')
      .innerJoin('agencies', 'agencies.id', 'letters.agency_id')
      .select(['letters.id', 'letters.request_id'])
      .where('agencies.code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    params.id = String(request.request_id);
    params.letterId = String(request.id);
    app = await buildServer({
      db,
      signInLimits: { perIpPerMinute: 1000 },
      // POST …/inspection/links/check crawls the portal: a few pages are enough here
      linkCheck: { maxPages: 5 },
      onRoute: (route) => {
        for (const method of [route.method].flat())
          if (method !== 'HEAD' && method !== 'OPTIONS')
            routes.push({
              method,
              url: route.url,
              policy: typeof route.config?.policy === 'string' ? route.config.policy : undefined,
            });
      },
    });
    await app.ready();
    other = (await signInAs(app, 'other-all', PASSWORD)).headers;
    outsiders.push({ who: 'other agency', headers: other });
    for (const [who, username] of [
      ['sibling subtree supervisor', 'sibling-supervisor'],
      ['own subtree supervisor', 'city-supervisor'],
    ])
      outsiders.push({ who, headers: (await signInAs(app, username, PASSWORD)).headers });
  });
  afterAll(() => app.close());

  /** The routes a supervisor over the agency is admitted to: its staff reads, its 年报体检, its supervision. */
  const supervisorAdmitted = (route: { method: string; url: string; policy?: string }) =>
    route.url.startsWith('/api/v1/agencies/:code/') &&
    (supervisorMayRead(route.method, route.url, route.policy) ||
      route.url.startsWith('/api/v1/agencies/:code/report-checks') ||
      route.policy === 'supervisor');
  const fill = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? '1');
  const call = (route: { method: string; url: string }, headers: Record<string, string>) =>
    app.inject({
      method: route.method as 'GET',
      url: fill(route.url),
      headers,
      ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
    });

  it('finds the routes, and every public route it allows exists', () => {
    expect(routes.length).toBeGreaterThan(50);
    const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const key of Object.keys(PUBLIC_ROUTES)) expect(registered, key).toContain(key);
  });

  it('the other agency’s user is signed in and works in their own agency', async () => {
    const own = await app.inject({ url: '/api/v1/agencies/other/requests', headers: other });
    expect(own.statusCode).toBe(200);
  });

  it('refuses every non-public API route to a user of another agency, to supervisors and to nobody', async () => {
    expect(outsiders.map((o) => o.who)).toEqual([
      'other agency',
      'sibling subtree supervisor',
      'own subtree supervisor',
    ]);
    const failures: string[] = [];
    let checked = 0;
    let admitted = 0;
    for (const route of routes) {
      if (isPublicRoute(route.method, route.url)) continue;
      checked++;
      const anonymous = await call(route, {});
      if (anonymous.statusCode !== 401)
        failures.push(`${route.method} ${route.url} anonymous → ${anonymous.statusCode}`);
      const expected = route.url === '/api/v1/session/password' ? 400 : 403;
      for (const { who, headers } of outsiders) {
        const refused = await call(route, headers);
        if (who === 'own subtree supervisor' && supervisorAdmitted(route)) {
          // a supervisor over the agency reads it (docs/supervision.md) and checks reports there (docs/report-check.md)
          admitted++;
          if ([401, 403].includes(refused.statusCode) || refused.statusCode >= 500)
            failures.push(`${route.method} ${route.url} ${who} refused → ${refused.statusCode}`);
          continue;
        }
        if (refused.statusCode !== expected)
          failures.push(
            `${route.method} ${route.url} ${who} → ${refused.statusCode} ${refused.body.slice(0, 100)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(35);
    expect(admitted).toBeGreaterThan(25);
  });

  it('public agency routes give only public data: no staff-only fields', async () => {
    const items = await app.inject('/api/v1/agencies/lingang/published-items');
    expect(items.statusCode).toBe(200);
    expect(items.body).not.toMatch(/"(reviewer|reviewOpinion|createdBy|status)"/);
    // open data: cells by code, the version's number and day; no publisher, 说明 or violations
    for (const url of [
      '/api/v1/public/agencies/lingang/reports.json',
      '/api/v1/public/reports.csv?year=2021',
    ]) {
      const data = await app.inject(url);
      expect([url, data.statusCode]).toEqual([url, 200]);
      expect(data.body).toContain('t3.new.total');
      expect(data.body).not.toMatch(/lingang-approver|"(actor|actorName|violations|note|reason|narrative)"/);
    }
    const tracking = await app.inject('/api/v1/track/unknown');
    expect(tracking.statusCode).toBe(404);
  });
});
