import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { sqliteDemoCopy } from '../../../../test/demo-template.ts';
import { hashPassword } from '../../../accounts/password-hash.ts';
import { DEMO_USERS } from '../../../demo/lingang-users.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const HOUR = 60 * 60 * 1000;
const OPERATOR = { username: 'lingang-operator', password: 'demo-operator-2021' };

function sessionCookie(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : [setCookie ?? ''];
  return list.find((c) => c.startsWith('gongkai_session=')) ?? '';
}

describeEachWithDemo('sessions: sign-in, expiry, CSRF, sign-out', (use) => {
  let app: FastifyInstance;
  let clock = new Date('2026-11-26T02:00:00Z');
  const signIn = (body: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/session', payload: body, headers });

  beforeAll(async () => {
    app = await buildServer({ db: use(), now: () => clock, signInLimits: { perIpPerMinute: 1000 } });
    await app.ready();
  });
  afterAll(() => app.close());

  it('signs in: the user, agencies with roles, a CSRF token and an HttpOnly SameSite cookie', async () => {
    const res = await signIn(OPERATOR);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { username: 'lingang-operator', displayName: '临港区政务公开经办人', platformAdmin: false },
      agencies: [{ code: 'lingang', name: expect.any(String), roles: ['operator'] }],
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
    });
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(cookie).toMatch(/^gongkai_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('stores only the SHA-256 of the token', async () => {
    const { cookie } = await signInAs(app, OPERATOR.username, OPERATOR.password);
    const token = cookie.split('=')[1];
    const rows = await use().kysely.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('tells the platform administrator so', async () => {
    const res = await signIn({ username: 'platform-admin', password: 'demo-platform-2021' });
    expect(res.json()).toMatchObject({ user: { platformAdmin: true }, agencies: [] });
  });

  it.each([
    ['a wrong password', { username: 'lingang-operator', password: 'not-the-password-1' }],
    ['an unknown user', { username: 'nobody-here', password: 'demo-operator-2021' }],
  ])('answers 401 with the same message for %s', async (_case, body) => {
    const res = await signIn(body);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('用户名或密码不正确，请重新输入。');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers 400 naming the field when the password is missing', async () => {
    const res = await signIn({ username: 'lingang-operator' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('GET /api/v1/session gives the same body with the cookie, 401 without', async () => {
    const { cookie, csrfToken } = await signInAs(app, OPERATOR.username, OPERATOR.password);
    const res = await app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'lingang-operator' }, csrfToken });
    expect((await app.inject('/api/v1/session')).statusCode).toBe(401);
    const forged = await app.inject({
      url: '/api/v1/session',
      headers: { cookie: 'gongkai_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('lets the session act on staff routes, and does not trust X-Gongkai-User here', async () => {
    const { cookie } = await signInAs(app, OPERATOR.username, OPERATOR.password);
    const queue = await app.inject({ url: '/api/v1/agencies/lingang/requests', headers: { cookie } });
    expect(queue.statusCode).toBe(200);
    const header = await app.inject({
      url: '/api/v1/agencies/lingang/requests',
      headers: { 'x-gongkai-user': 'lingang-operator' },
    });
    expect(header.statusCode).toBe(401);
  });

  it('rotates the token on sign-in: the old session ends', async () => {
    const first = await signInAs(app, OPERATOR.username, OPERATOR.password);
    const again = await signIn(OPERATOR, { cookie: first.cookie });
    expect(again.statusCode).toBe(200);
    const second = sessionCookie(again.headers['set-cookie']).split(';')[0];
    expect(second).not.toBe(first.cookie);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: first.cookie } })).statusCode).toBe(
      401,
    );
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: second } })).statusCode).toBe(200);
  });

  describe('CSRF on state-changing requests', () => {
    const register = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/agencies/lingang/requests',
        headers,
        payload: { channel: 'letter' },
      });

    it.each([
      ['no token', (_t: string) => ({})],
      ['a wrong token', (t: string) => ({ 'x-csrf-token': `${t.slice(0, -2)}xx` })],
      ['another session’s token', (_t: string) => ({ 'x-csrf-token': 'A'.repeat(43) })],
    ])('refuses %s with 403 before anything is done', async (_case, token) => {
      const { cookie, csrfToken } = await signInAs(app, OPERATOR.username, OPERATOR.password);
      const res = await register({ cookie, ...token(csrfToken) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('CSRF');
    });

    it('lets the right token through (to the body validation)', async () => {
      const { headers } = await signInAs(app, OPERATOR.username, OPERATOR.password);
      const res = await register(headers);
      expect(res.statusCode).toBe(400);
    });

    it('refuses an API write whose body is not JSON (a cross-site form)', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies/lingang/requests/online',
        headers: { 'content-type': 'text/plain' },
        payload: 'name=x',
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toContain('JSON');
    });
  });

  it('signs out: DELETE needs the CSRF token, then the session is gone', async () => {
    const { cookie, headers } = await signInAs(app, OPERATOR.username, OPERATOR.password);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } })).statusCode,
    ).toBe(403);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(out.statusCode).toBe(204);
    expect(sessionCookie(out.headers['set-cookie'])).toMatch(/^gongkai_session=;/);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it.each([
    ['used again within 8 hours, for nearly 7 days', Array.from({ length: 23 }, () => 7 * HOUR), 200],
    ['idle for 8 hours', [8 * HOUR], 401],
    ['older than 7 days although used', Array.from({ length: 25 }, () => 7 * HOUR), 401],
  ])('a session %s answers %i', async (_case, steps, status) => {
    clock = new Date('2026-11-26T02:00:00Z');
    const { cookie } = await signInAs(app, OPERATOR.username, OPERATOR.password);
    let last = 200;
    for (const step of steps) {
      clock = new Date(clock.getTime() + step);
      last = (await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode;
      if (last !== 200) break;
    }
    expect(last).toBe(status);
    clock = new Date('2026-11-26T02:00:00Z');
  });

  it('changes the own password: checks the current one and the strength; other sessions end', async () => {
    const other = await signInAs(app, 'lingang-reviewer', 'demo-reviewer-2021');
    const mine = await signInAs(app, 'lingang-reviewer', 'demo-reviewer-2021');
    const change = (body: object) =>
      app.inject({ method: 'POST', url: '/api/v1/session/password', headers: mine.headers, payload: body });
    const wrong = await change({ currentPassword: 'nope-nope-12', newPassword: 'Another-pass-2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('currentPassword');
    const weak = await change({ currentPassword: 'demo-reviewer-2021', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({ field: 'newPassword' });
    expect(weak.json().error.message).toContain('至少 10 个字符');
    const ok = await change({ currentPassword: 'demo-reviewer-2021', newPassword: 'Another-pass-2026' });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: other.cookie } })).statusCode).toBe(
      401,
    );
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: mine.cookie } })).statusCode).toBe(
      200,
    );
    expect((await signIn({ username: 'lingang-reviewer', password: 'demo-reviewer-2021' })).statusCode).toBe(
      401,
    );
    expect((await signIn({ username: 'lingang-reviewer', password: 'Another-pass-2026' })).statusCode).toBe(
      200,
    );
    const events = await use()
      .kysely.selectFrom('events')
      .selectAll()
      .where('name', '=', 'users.password_changed')
      .execute();
    expect(events).toEqual([expect.objectContaining({ actor: 'lingang-reviewer', agency_id: null })]);
  });
});

describe('sign-in rate limits', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const { openDb } = await import('../../../db/connection.ts');
    const { migrateToLatest } = await import('../../../db/migrate.ts');
    const copy = await sqliteDemoCopy('published');
    const db = openDb(copy.url);
    await migrateToLatest(db);
    // These limits count attempts, whatever a hash costs: the demo users get cheap hashes here, so
    // a hundred sign-ins are not a hundred 32 MiB scrypts (the real cost: password-hash.test.ts).
    for (const user of DEMO_USERS)
      await db.kysely
        .updateTable('users')
        .set({ password_hash: await hashPassword(user.password, { N: 1024, r: 8, p: 1 }) })
        .where('username', '=', user.username)
        .execute();
    app = await buildServer({ db, trustProxy: true });
    await app.ready();
    close = async () => {
      await app.close();
      await db.close();
      await copy.remove();
    };
  });
  afterAll(() => close());
  const attempt = (username: string, password: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password },
      headers: { 'x-forwarded-for': ip },
    });

  it('a stranger cannot lock a user out: failures lock the username at that address only, for growing delays', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('lingang-approver', 'wrong-password-1', '10.0.0.1')).statusCode).toBe(401);
    // the 5th failure locked the pair for 1 minute: even the right password from there waits
    const locked = await attempt('lingang-approver', 'demo-approver-2021', '10.0.0.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(
      /^该账号在此网络地址密码错误次数过多，请 1 分钟后再试，或请管理员解除锁定。$/,
    );
    // the user, from their own address, signs in
    expect((await attempt('lingang-approver', 'demo-approver-2021', '10.0.1.1')).statusCode).toBe(200);
    expect((await attempt('lingang-operator', 'demo-operator-2021', '10.0.0.1')).statusCode).toBe(200);
  });

  it('a guessing attack over many addresses: unusual addresses are refused, the usual one still works, an admin unlocks', async () => {
    // the user's usual address: a successful sign-in from it
    expect((await attempt('lingang-reviewer', 'demo-reviewer-2021', '10.5.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 50; i++)
      await attempt('lingang-reviewer', `guess-${i}-password`, `10.6.${Math.floor(i / 4)}.${i % 4}`);
    const stranger = await attempt('lingang-reviewer', 'demo-reviewer-2021', '10.7.0.1');
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.message).toContain('近期在多个网络地址密码错误次数过多');
    expect((await attempt('lingang-reviewer', 'demo-reviewer-2021', '10.5.0.1')).statusCode).toBe(200);
    // an agency administrator unlocks: an event, and the new address works at once
    const admin = await attempt('lingang-admin', 'demo-admin-2021', '10.5.0.2');
    const cookie = String(admin.headers['set-cookie']).split(';')[0];
    const unlock = await app.inject({
      method: 'PATCH',
      url: '/api/v1/agencies/lingang/users/lingang-reviewer',
      headers: { cookie, 'x-csrf-token': admin.json().csrfToken, 'x-forwarded-for': '10.5.0.2' },
      payload: { unlock: true },
    });
    expect(unlock.statusCode, unlock.body).toBe(200);
    expect(unlock.json().events).toEqual(['unlocked']);
    expect((await attempt('lingang-reviewer', 'demo-reviewer-2021', '10.7.0.1')).statusCode).toBe(200);
  }, 120_000); // 50 sign-ins, each a scrypt of 32 MiB: half a minute on a busy machine

  it('a wrong current password when changing it counts like a failed sign-in (429 after 5)', async () => {
    const me = await attempt('lingang-operator', 'demo-operator-2021', '10.8.0.1');
    const headers = {
      cookie: String(me.headers['set-cookie']).split(';')[0],
      'x-csrf-token': me.json().csrfToken,
      'x-forwarded-for': '10.8.0.1',
    };
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/session/password',
        headers,
        payload: { currentPassword, newPassword: 'Another-pass-2026' },
      });
    for (let i = 0; i < 5; i++) expect((await change(`wrong-${i}-password`)).statusCode).toBe(400);
    const locked = await change('demo-operator-2021');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('密码错误次数过多');
  });

  it('limits sign-ins per IP to 20 a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await attempt(`user-${i}`, 'whatever-123', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await attempt('user-x', 'whatever-123', '10.9.9.8')).statusCode).toBe(401);
  });

  it('marks the cookie Secure behind a proxy that says https', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'lingang-admin', password: 'demo-admin-2021' },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.7.7.7' },
    });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res.headers['set-cookie'])).toContain('Secure');
  });
});
