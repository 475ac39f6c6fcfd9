/**
 * The agency tree through the API and its commands (docs/agencies.md): only a platform
 * administrator reads or changes it; moves never close a loop; retiring is refused while active
 * agencies sit below or requests wait, and a retired agency leaves the public list and its staff's
 * choices; a tree file is all or nothing; every change is one `agencies.*` event.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { SUPERVISOR_ROLE } from '../../../domain/accounts/actor.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'tree-test-2026';
type Method = 'GET' | 'POST' | 'PATCH';

describeEachWithDemo('the agency tree (platform administrator)', (use) => {
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = {};
  const call = (who: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: as[who] ?? {}, ...(payload ? { payload } : {}) });
  const platform = (method: Method, url: string, payload?: object) => call('platform', method, url, payload);
  const tree = async () =>
    (await platform('GET', '/api/v1/agency-tree')).json().agencies as Array<{
      code: string;
      parentCode: string | null;
      retiredOn: string | null;
      children: number;
      descendants: number;
      name: string;
      level: string;
    }>;
  const eventsOf = (code: string) =>
    use()
      .kysely.selectFrom('events')
      .select(['name', 'actor', 'data'])
      .where('subject_type', '=', 'agency')
      .where('subject_id', '=', code)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    const db = use();
    const city = await addAgency(db, 'city', '威海市人民政府');
    await db.kysely.updateTable('agencies').set({ parent_id: city }).where('code', '=', 'lingang').execute();
    await addUser(db, {
      username: 'city-supervisor',
      password: PASSWORD,
      agencyId: city,
      roles: [SUPERVISOR_ROLE],
    });
    app = await buildServer({ db, signInLimits: { perIpPerMinute: 1000 } });
    await app.ready();
    as.platform = (await signInAs(app, 'platform-admin', 'demo-platform-2021')).headers;
    as.agencyAdmin = (await signInAs(app, 'lingang-admin', 'demo-admin-2021')).headers;
    as.supervisor = (await signInAs(app, 'city-supervisor', PASSWORD)).headers;
  });
  afterAll(() => app.close());

  describe('who may', () => {
    const routes: Array<[Method, string, object | undefined]> = [
      ['GET', '/api/v1/agency-tree', undefined],
      ['POST', '/api/v1/agency-tree', { code: 'nope', name: '不该建成', parent: 'lingang' }],
      ['PATCH', '/api/v1/agency-tree/lingang', { name: '不该改成' }],
      ['POST', '/api/v1/agency-tree/import', { content: '{"code":"nope2","name":"不该导入"}' }],
    ];
    it.each([
      ['an agency administrator', 'agencyAdmin', 403],
      ['a supervisor over the subtree', 'supervisor', 403],
      ['nobody signed in', 'nobody', 401],
    ])('refuses every route to %s', async (_who, who, status) => {
      for (const [method, url, payload] of routes)
        expect((await call(who, method, url, payload)).statusCode, `${method} ${url}`).toBe(status);
      const codes = (await tree()).map((a) => a.code);
      expect(codes).not.toContain('nope');
      expect(codes).not.toContain('nope2');
      expect(codes).toContain('lingang');
    });
  });

  it('lists the whole tree, parents first, with children counted', async () => {
    const agencies = await tree();
    const city = agencies.find((a) => a.code === 'city');
    const lingang = agencies.find((a) => a.code === 'lingang');
    expect(city).toMatchObject({ parentCode: null, children: 1, descendants: 1, retiredOn: null });
    expect(lingang).toMatchObject({ parentCode: 'city', children: 0 });
    expect(agencies.findIndex((a) => a.code === 'city')).toBeLessThan(
      agencies.findIndex((a) => a.code === 'lingang'),
    );
  });

  it('creates agencies under an active parent, refusing a bad code, an unknown parent and a taken code', async () => {
    const created = await platform('POST', '/api/v1/agency-tree', {
      code: 'lingang-edu',
      name: '威海临港经济技术开发区教育局',
      shortName: '临港教育局',
      parent: 'lingang',
      level: 'department',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().agency).toMatchObject({
      code: 'lingang-edu',
      parentCode: 'lingang',
      level: 'department',
    });
    const channels = await use()
      .kysely.selectFrom('agency_channels')
      .innerJoin('agencies', 'agencies.id', 'agency_channels.agency_id')
      .select('agency_channels.code')
      .where('agencies.code', '=', 'lingang-edu')
      .execute();
    expect(channels.map((c) => c.code)).toContain('website');
    const refused = [
      [{ code: 'Bad Code', name: '甲' }, 400, 'code'],
      [{ code: 'orphan', name: '乙', parent: 'nowhere' }, 400, 'parent'],
      [{ code: 'lingang-edu', name: '丙', parent: 'lingang' }, 409, null],
    ] as const;
    for (const [body, status, field] of refused) {
      const res = await platform('POST', '/api/v1/agency-tree', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (field) expect(res.json().error.details[0].field).toBe(field);
    }
    const events = await eventsOf('lingang-edu');
    expect(events.map((e) => [e.name, e.actor])).toEqual([['agencies.created', 'platform-admin']]);
  });

  it('renames an agency, its code unchanged', async () => {
    const res = await platform('PATCH', '/api/v1/agency-tree/lingang-edu', {
      name: '临港区教育和体育局',
      shortName: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().agency).toMatchObject({
      code: 'lingang-edu',
      name: '临港区教育和体育局',
      shortName: '临港区教育和体育局',
    });
    const both = await platform('PATCH', '/api/v1/agency-tree/lingang-edu', { name: 'x', retired: true });
    expect(both.statusCode).toBe(400);
    expect((await eventsOf('lingang-edu')).at(-1)?.name).toBe('agencies.renamed');
  });

  it('moves an agency, but never under itself or below itself', async () => {
    for (const parent of ['city', 'lingang-edu', 'lingang']) {
      const res = await platform('PATCH', '/api/v1/agency-tree/city', { parent });
      expect(res.statusCode, parent).toBe(400);
      expect(res.json().error.details[0].field).toBe('parent');
    }
    expect(
      (await platform('PATCH', '/api/v1/agency-tree/lingang-edu', { parent: 'lingang' })).statusCode,
    ).toBe(200);
    const moved = await platform('PATCH', '/api/v1/agency-tree/lingang-edu', { parent: 'city' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().agency.parentCode).toBe('city');
    const last = (await eventsOf('lingang-edu')).at(-1);
    expect(last?.name).toBe('agencies.moved');
    expect(JSON.parse(String(last?.data))).toMatchObject({
      before: { parent: 'lingang' },
      after: { parent: 'city' },
    });
    expect(
      (await platform('PATCH', '/api/v1/agency-tree/lingang-edu', { parent: null })).json().agency.parentCode,
    ).toBe(null);
  });

  it('retires only without active children or open requests; the retired agency leaves the lists', async () => {
    const withChild = await platform('PATCH', '/api/v1/agency-tree/city', { retired: true });
    expect(withChild.statusCode).toBe(400);
    expect(withChild.json().error.message).toContain('（lingang）');
    const withRequests = await platform('PATCH', '/api/v1/agency-tree/lingang', { retired: true });
    expect(withRequests.statusCode).toBe(400);
    expect(withRequests.json().error.message).toContain('件依申请公开未办结');

    const staffId = await addUser(use(), { username: 'edu-clerk', password: PASSWORD });
    const edu = await use()
      .kysely.selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang-edu')
      .executeTakeFirstOrThrow();
    await use()
      .kysely.insertInto('user_roles')
      .values({ user_id: staffId, agency_id: edu.id, role: 'operator' })
      .execute();
    as.eduClerk = (await signInAs(app, 'edu-clerk', PASSWORD)).headers;
    expect((await call('eduClerk', 'GET', '/api/v1/agencies/lingang-edu/items')).statusCode).toBe(200);
    const retired = await platform('PATCH', '/api/v1/agency-tree/lingang-edu', { retired: true });
    expect(retired.statusCode).toBe(200);
    expect(retired.json().agency.retiredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const publicList = (await app.inject({ url: '/api/v1/agencies' }))
      .json()
      .agencies.map((a: { code: string }) => a.code);
    expect(publicList).not.toContain('lingang-edu');
    expect(publicList).toContain('lingang');
    const portal = await app.inject({ url: '/gongkai' });
    expect(portal.body).toContain('威海临港经济技术开发区');
    expect(portal.body).not.toContain('临港区教育和体育局');
    const session = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'edu-clerk', password: PASSWORD },
    });
    expect(session.json().agencies).toEqual([]);
    // the roles of a retired agency no longer count, even in a session opened before it was retired
    const refused = await call('eduClerk', 'GET', '/api/v1/agencies/lingang-edu/items');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(
      /^临港区教育和体育局已于 \d{4}-\d{2}-\d{2} 撤销，其工作人员/,
    );
    const under = await platform('POST', '/api/v1/agency-tree', {
      code: 'under-retired',
      name: '丁',
      parent: 'lingang-edu',
    });
    expect(under.statusCode).toBe(400);
    expect(under.json().error.message).toContain('已于');

    const back = await platform('PATCH', '/api/v1/agency-tree/lingang-edu', { retired: false });
    expect(back.json().agency.retiredOn).toBe(null);
    expect((await call('eduClerk', 'GET', '/api/v1/agencies/lingang-edu/items')).statusCode).toBe(200);
    expect((await eventsOf('lingang-edu')).slice(-2).map((e) => e.name)).toEqual([
      'agencies.retired',
      'agencies.reactivated',
    ]);
  });

  it('imports a tree file all or nothing, naming the line and field of each problem', async () => {
    const bad = [
      '{"code":"county-office","name":"区政府办公室","parent":"county"}',
      '{"code":"county","name":"某区人民政府","parent":"city","level":"county","kind":"government"}',
      '{"code":"county-x","name":"某局","parnet":"county"}',
      '{"code":"county-y","name":"某局","parent":"nowhere"}',
    ].join('\n');
    const refused = await platform('POST', '/api/v1/agency-tree/import', { content: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['第3行.parnet']);
    expect(refused.json().error.message).toContain('第 3 行');
    const unknownParent = await platform('POST', '/api/v1/agency-tree/import', {
      content: bad
        .split('\n')
        .filter((_l, i) => i !== 2)
        .join('\n'),
    });
    expect(unknownParent.json().error.details).toEqual([
      { field: '第3行.parent', message: expect.stringContaining('“nowhere”既不在本文件中') },
    ]);
    expect((await tree()).map((a) => a.code)).not.toContain('county');

    const good = `${bad.split('\n').slice(0, 2).join('\n')}\n\n{"code":"lingang","name":"威海临港经济技术开发区管理委员会","parent":"city"}\n`;
    const imported = await platform('POST', '/api/v1/agency-tree/import', { content: good });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ created: 2, changed: 1 });
    const agencies = await tree();
    expect(agencies.find((a) => a.code === 'county-office')?.parentCode).toBe('county');
    expect(agencies.find((a) => a.code === 'county')).toMatchObject({
      parentCode: 'city',
      level: 'county',
      children: 1,
    });
    const events = await use()
      .kysely.selectFrom('events')
      .select(['name', 'data'])
      .where('name', '=', 'agencies.tree_imported')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(String(events[0].data))).toMatchObject({
      created: ['county', 'county-office'],
      changed: ['lingang'],
    });
  });
});
