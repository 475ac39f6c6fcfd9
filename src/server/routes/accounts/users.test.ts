import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'test-password-2026';

describeEachWithDemo('users and roles: agency and platform administrators', (use) => {
  let app: FastifyInstance;
  let as: Record<string, Record<string, string>> = {};
  const call = (
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => app.inject({ method, url, headers: as[who] ?? {}, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const other = await addAgency(use(), 'other');
    await addUser(use(), {
      username: 'other-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    await addUser(use(), {
      username: 'other-clerk',
      password: PASSWORD,
      agencyId: other,
      roles: ['operator'],
    });
    app = await buildServer({ db: use(), signInLimits: { perIpPerMinute: 1000 } });
    await app.ready();
    as = {
      lingangAdmin: (await signInAs(app, 'lingang-admin', 'demo-admin-2021')).headers,
      operator: (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers,
      otherAdmin: (await signInAs(app, 'other-admin', PASSWORD)).headers,
      platform: (await signInAs(app, 'platform-admin', 'demo-platform-2021')).headers,
    };
  });
  afterAll(() => app.close());

  it('lists the users of an agency with their roles there, for its administrator', async () => {
    const res = await call('lingangAdmin', 'GET', '/api/v1/agencies/lingang/users');
    expect(res.statusCode).toBe(200);
    const names = res.json().users.map((u: { username: string }) => u.username);
    expect(names).toEqual(['lingang-admin', 'lingang-approver', 'lingang-operator', 'lingang-reviewer']);
    expect(res.json().users[1]).toMatchObject({
      agencies: [{ code: 'lingang', roles: ['approver', 'operator'] }],
    });
  });

  it.each([
    ['an operator', 'operator', 403],
    ['another agency’s administrator', 'otherAdmin', 403],
    ['nobody signed in', 'nobody', 401],
  ])('refuses the list to %s', async (_who, who, status) => {
    expect((await call(who, 'GET', '/api/v1/agencies/lingang/users')).statusCode).toBe(status);
    expect((await call(who, 'GET', '/api/v1/users')).statusCode).toBe(status);
  });

  it('creates a user with roles, who can then sign in; one event per change', async () => {
    const body = {
      username: 'lingang-new',
      displayName: '新同事',
      password: 'Fresh-start-2026',
      roles: ['reviewer'],
    };
    const res = await call('lingangAdmin', 'POST', '/api/v1/agencies/lingang/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'lingang-new',
      agencies: [{ code: 'lingang', roles: ['reviewer'] }],
    });
    await signInAs(app, 'lingang-new', 'Fresh-start-2026');
    const again = await call('lingangAdmin', 'POST', '/api/v1/agencies/lingang/users', body);
    expect(again.statusCode).toBe(409);
    const events = await use()
      .kysely.selectFrom('events')
      .innerJoin('users', (join) =>
        join
          .on('events.subject_type', '=', 'user')
          .on('events.subject_id', '=', (eb) => eb.cast('users.id', 'text')),
      )
      .select(['events.name', 'events.actor'])
      .where('users.username', '=', 'lingang-new')
      .orderBy('events.id')
      .execute();
    expect(events).toEqual([
      { name: 'users.created', actor: 'lingang-admin' },
      { name: 'users.role_granted', actor: 'lingang-admin' },
    ]);
  });

  it('refuses a weak initial password naming the field, and writes nothing', async () => {
    const body = { username: 'lingang-weak', displayName: '弱', password: '12345', roles: [] };
    const res = await call('lingangAdmin', 'POST', '/api/v1/agencies/lingang/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('password');
    const row = await use()
      .kysely.selectFrom('users')
      .select('id')
      .where('username', '=', 'lingang-weak')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('grants and revokes a role; the role takes effect at once', async () => {
    const url = '/api/v1/agencies/lingang/users/lingang-reviewer/roles/operator';
    const reviewer = (await signInAs(app, 'lingang-reviewer', 'demo-reviewer-2021')).headers;
    const queue = () => app.inject({ url: '/api/v1/agencies/lingang/requests', headers: reviewer });
    expect((await call('lingangAdmin', 'PUT', url)).json()).toEqual({ changed: true });
    expect((await call('lingangAdmin', 'PUT', url)).json()).toEqual({ changed: false });
    expect((await queue()).statusCode).toBe(200);
    expect((await call('lingangAdmin', 'DELETE', url)).json()).toEqual({ changed: true });
    expect((await call('otherAdmin', 'PUT', url)).statusCode).toBe(403);
  });

  it('disables a user: sessions end, sign-in refused; enabling lets them back', async () => {
    const session = await signInAs(app, 'lingang-approver', 'demo-approver-2021');
    const url = '/api/v1/agencies/lingang/users/lingang-approver';
    expect((await call('otherAdmin', 'PATCH', url, { disabled: true })).statusCode).toBe(403);
    expect((await call('lingangAdmin', 'PATCH', url, { disabled: true })).json()).toEqual({
      events: ['disabled'],
    });
    expect((await app.inject({ url: '/api/v1/session', headers: session.headers })).statusCode).toBe(401);
    await expect(signInAs(app, 'lingang-approver', 'demo-approver-2021')).rejects.toThrow(/401/);
    expect((await call('lingangAdmin', 'PATCH', url, { disabled: false })).statusCode).toBe(200);
    await signInAs(app, 'lingang-approver', 'demo-approver-2021');
  });

  it('refuses an agency administrator a user who also works for another agency, or a platform admin', async () => {
    const clerk = await use()
      .kysely.selectFrom('users')
      .select('id')
      .where('username', '=', 'other-clerk')
      .executeTakeFirstOrThrow();
    const lingang = await use()
      .kysely.selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    await use()
      .kysely.insertInto('user_roles')
      .values({ user_id: clerk.id, agency_id: lingang.id, role: 'reviewer' })
      .execute();
    const reset = { password: 'Reset-by-admin-2026' };
    const res = await call('lingangAdmin', 'PATCH', '/api/v1/agencies/lingang/users/other-clerk', reset);
    expect(res.statusCode).toBe(403);
    const platform = await call('platform', 'PATCH', '/api/v1/users/other-clerk', reset);
    expect(platform.json()).toEqual({ events: ['password_reset'] });
    await signInAs(app, 'other-clerk', 'Reset-by-admin-2026');
    // a platform administrator's account is, to an agency administrator, like a user that does not exist
    const admin = await call('lingangAdmin', 'PATCH', '/api/v1/agencies/lingang/users/platform-admin', reset);
    expect(admin.statusCode).toBe(404);
  });

  it('an agency admin adds only users without a role elsewhere, and cannot tell another agency’s user from nobody', async () => {
    const grant = (username: string) =>
      call('lingangAdmin', 'PUT', `/api/v1/agencies/lingang/users/${username}/roles/operator`);
    const elsewhere = await grant('other-admin');
    const nobody = await grant('no-such-user-anywhere');
    expect(elsewhere.statusCode).toBe(404);
    expect(nobody.statusCode).toBe(404);
    const said = (res: typeof elsewhere, name: string) => res.json().error.message.replace(name, 'X');
    expect(said(elsewhere, 'other-admin')).toBe(said(nobody, 'no-such-user-anywhere'));
    expect(said(nobody, 'no-such-user-anywhere')).toContain('请联系平台管理员');
    const disable = await call('lingangAdmin', 'PATCH', '/api/v1/agencies/lingang/users/other-admin', {
      disabled: true,
    });
    expect(disable.statusCode).toBe(404);
    // a user with no role anywhere (made by the platform administrator) may be added
    const fresh = await call('platform', 'POST', '/api/v1/users', {
      username: 'fresh-clerk',
      displayName: '新经办',
      password: 'New-person-2026',
    });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect((await grant('fresh-clerk')).statusCode).toBe(200);
    // the platform administrator may add anyone
    const platform = await call(
      'platform',
      'PUT',
      '/api/v1/agencies/lingang/users/other-admin/roles/reviewer',
    );
    expect(platform.statusCode, platform.body).toBe(200);
  });

  it('lets the platform administrator create a platform administrator and list everyone', async () => {
    const body = {
      username: 'second-admin',
      displayName: '第二平台管理员',
      password: 'Another-boss-2026',
      platformAdmin: true,
    };
    expect((await call('lingangAdmin', 'POST', '/api/v1/users', body)).statusCode).toBe(403);
    const res = await call('platform', 'POST', '/api/v1/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ platformAdmin: true, agencies: [] });
    const list = (await call('platform', 'GET', '/api/v1/users')).json().users;
    expect(list.map((u: { username: string }) => u.username)).toContain('other-admin');
    const self = await call('platform', 'PATCH', '/api/v1/users/platform-admin', { disabled: true });
    expect(self.statusCode).toBe(403);
  });

  it('creates a user with roles in one agency from the platform page; an unknown agency writes nothing', async () => {
    const body = {
      username: 'lingang-clerk2',
      displayName: '王经办',
      password: 'Second-clerk-2026',
      agency: { code: 'lingang', roles: ['operator'] },
    };
    const res = await call('platform', 'POST', '/api/v1/users', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      platformAdmin: false,
      agencies: [{ code: 'lingang', roles: ['operator'] }],
    });
    const signedIn = await signInAs(app, 'lingang-clerk2', 'Second-clerk-2026');
    const queue = await app.inject({ url: '/api/v1/agencies/lingang/requests', headers: signedIn.headers });
    expect(queue.statusCode).toBe(200);
    const unknown = await call('platform', 'POST', '/api/v1/users', {
      ...body,
      username: 'nowhere-clerk',
      agency: { code: 'nowhere', roles: ['operator'] },
    });
    expect(unknown.statusCode).toBe(404);
    const noRoles = await call('platform', 'POST', '/api/v1/users', {
      ...body,
      username: 'nowhere-clerk',
      agency: { code: 'lingang', roles: [] },
    });
    expect(noRoles.statusCode).toBe(400);
    expect(noRoles.body).toContain('请至少选择一个该机关的角色');
    const list = (await call('platform', 'GET', '/api/v1/users')).json().users;
    expect(list.map((u: { username: string }) => u.username)).not.toContain('nowhere-clerk');
  });
});
