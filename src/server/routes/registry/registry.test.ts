import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../../db/connection.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { buildServer } from '../../app.ts';

let db: Db;
let app: FastifyInstance;
const OPERATOR = { 'x-gongkai-user': 'op' };
const REVIEWER = { 'x-gongkai-user': 'secrecy' };
const BASE = '/api/v1/agencies/a/registry';

beforeAll(async () => {
  db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  const created_at = '2022-01-01T00:00:00Z';
  const agency = await db.kysely
    .insertInto('agencies')
    .values({
      ...{ code: 'a', name: '某机关', short_name: '某', parent_id: null, kind: 'department', address: '' },
      ...{ postcode: '', phone: '', website: '', website_name: '', office: '', created_at },
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [username, role] of [
    ['op', 'operator'],
    ['secrecy', 'reviewer'],
  ]) {
    const user = await db.kysely
      .insertInto('users')
      .values({ username, display_name: username, created_at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('user_roles')
      .values({ user_id: user.id, agency_id: agency.id, role })
      .execute();
  }
  app = await buildServer({ db, now: () => new Date('2022-03-01T02:00:00Z'), trustUserHeader: true });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const issue = (headers: Record<string, string>, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `${BASE}/documents`, headers, payload: body });
const GOOD = {
  kind: 'normative',
  docNumber: '某发〔2021〕1号',
  title: '关于某事的规定',
  issuedOn: '2021-03-01',
};

describe('registry routes', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>, number, string]>([
    ['no user', {}, GOOD, 401, 'unauthorized'],
    ['a confidentiality reviewer', REVIEWER, GOOD, 403, 'forbidden'],
    ['a bad date', OPERATOR, { ...GOOD, issuedOn: '2021-02-30' }, 400, 'validation'],
    ['an unknown kind', OPERATOR, { ...GOOD, kind: 'law' }, 400, 'validation'],
  ])('refuses an issue by %s', async (_situation, headers, body, status, code) => {
    const res = await issue(headers, body);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('issues, amends, repeals and reviews, and the public list follows', async () => {
    const issued = await issue(OPERATOR, GOOD);
    expect(issued.statusCode).toBe(201);
    const first = issued.json();
    expect(first).toMatchObject({ status: 'in_force', version: 1, kindLabel: '行政规范性文件' });
    const other = (await issue(OPERATOR, { ...GOOD, docNumber: '某发〔2021〕2号' })).json();

    const amended = await app.inject({
      method: 'POST',
      url: `${BASE}/documents/${first.id}/amend`,
      headers: OPERATOR,
      payload: { docNumber: '某发〔2021〕9号', issuedOn: '2021-10-01' },
    });
    expect(amended.statusCode).toBe(201);
    expect(amended.json()).toMatchObject({ version: 2, supersedesId: first.id, title: '关于某事的规定' });

    const repeal = { repealedOn: '2021-11-01', repealedBy: '某发〔2021〕10号' };
    const url = `${BASE}/documents/${other.id}/repeal`;
    const repealed = await app.inject({ method: 'POST', url, headers: OPERATOR, payload: repeal });
    expect(repealed.json()).toMatchObject({ status: 'repealed', statusLabel: '已废止' });
    const twice = await app.inject({ method: 'POST', url, headers: OPERATOR, payload: repeal });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'invalid_state']);

    const inForce = (on: string) =>
      app.inject(`/api/v1/agencies/a/normative-documents?on=${on}`).then((r) => r.json());
    expect((await inForce('2021-06-30')).items.map((d: { id: number }) => d.id).sort()).toEqual(
      [first.id, other.id].sort(),
    );
    expect((await inForce('2021-12-31')).items.map((d: { docNumber: string }) => d.docNumber)).toEqual([
      '某发〔2021〕9号',
    ]);

    const history = await app.inject({ url: `${BASE}/documents/${first.id}`, headers: OPERATOR });
    expect(history.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const reviewed = await app.inject({
      method: 'POST',
      url: `${BASE}/reviews/2021`,
      headers: OPERATOR,
      payload: { reviewedOn: '2021-12-20', decisions: [{ documentId: amended.json().id, decision: 'kept' }] },
    });
    expect(reviewed.statusCode).toBe(201);
    const pass = await app.inject({ url: `${BASE}/reviews/2021`, headers: OPERATOR });
    expect(pass.json().counts).toEqual({ kept: 1, amended: 0, repealed: 0, pending: 0 });
  });

  it('answers 404 for the public list of an unknown agency', async () => {
    expect((await app.inject('/api/v1/agencies/nowhere/normative-documents')).statusCode).toBe(404);
  });
});
