import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../test/accounts.ts';
import { describeEachDatabase, testDatabases } from '../../test/databases.ts';
import { importRecords } from '../commands/import-records.ts';
import { createTestAgency } from '../commands/items/testing.ts';
import { testContext } from '../commands/testing-context.ts';
import { AppError } from '../errors.ts';
import { buildServer } from '../server/app.ts';
import { isWriteConflict, rethrowConflict } from './conflict.ts';
import { type Db, openDb } from './connection.ts';

/** An error as node-postgres reports a deadlock (40P01) or a serialization failure (40001). */
function pgError(code: string): Error {
  const message =
    code === '40P01' ? 'deadlock detected' : 'could not serialize access due to concurrent update';
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

/** Fails every insert, update and delete with `code`, as PostgreSQL would when another writer wins. */
class FailingWrites implements KyselyPlugin {
  constructor(private readonly code: string) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const { node } = args;
    if (InsertQueryNode.is(node) || UpdateQueryNode.is(node) || DeleteQueryNode.is(node))
      throw pgError(this.code);
    return node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe('rethrowConflict', () => {
  it.each([
    ['a deadlock', pgError('40P01')],
    ['a serialization failure', pgError('40001')],
    ['a unique index on PostgreSQL', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a unique index on SQLite', new Error('UNIQUE constraint failed: events.id')],
  ])('turns %s into a conflict with the store’s words', (_situation, error) => {
    expect(isWriteConflict(error)).toBe(true);
    expect(() => rethrowConflict(error, '该申请刚被其他人修改，请刷新后重试。')).toThrow(
      new AppError('conflict', '该申请刚被其他人修改，请刷新后重试。'),
    );
  });

  it('passes the command’s own refusal and any other error through unchanged', () => {
    const refusal = new AppError('invalid_state', '该申请已办结。');
    const other = new Error('connection lost');
    expect(() => rethrowConflict(refusal, '冲突')).toThrow(refusal);
    expect(() => rethrowConflict(other, '冲突')).toThrow(other);
  });
});

describeEachDatabase('a write conflict in any store answers 409, not 500', (use) => {
  const OPERATOR = { 'x-gongkai-user': 'conflicts-operator' };
  const APPROVER = { 'x-gongkai-user': 'conflicts-head' };
  const ADMIN = { 'x-gongkai-user': 'conflicts-admin' };
  const ROOT = { 'x-gongkai-user': 'conflicts-root' };
  const BASE = '/api/v1/agencies/conflicts';
  const now = () => new Date('2022-01-20T02:00:00Z');
  let healthy: FastifyInstance;
  let item: { id: number; version: number };
  let request: { id: number; version: number };

  beforeAll(async () => {
    const agencyId = await createTestAgency(use(), 'conflicts');
    const password = 'Conflicts-approver-2026';
    await addUser(use(), {
      username: 'conflicts-head',
      password,
      agencyId,
      roles: ['operator', 'approver'],
    });
    await addUser(use(), { username: 'conflicts-root', password, platformAdmin: true });
    healthy = await buildServer({ db: use(), now, trustUserHeader: true });
    await healthy.ready();
    const created = await healthy.inject({
      method: 'POST',
      url: `${BASE}/items`,
      headers: OPERATOR,
      payload: { title: '关于冲突测试的通知', category: 'a20.1', issuer: '测试局', formedOn: '2021-03-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    item = { id: created.json().itemId, version: 1 };
    const registered = await healthy.inject({
      method: 'POST',
      url: `${BASE}/requests`,
      headers: OPERATOR,
      payload: {
        ...{ channel: 'letter', receivedOn: '2022-01-17', applicantType: 'business' },
        applicant: {
          ...{ name: '威海某科技有限公司', idType: 'other', idName: '营业执照', idNumber: 'YYZZ-2022-001' },
          ...{ address: '威海市某路1号', information: '2021年某项目的批复', form: 'email' },
          ...{ email: 'office@example.cn', delivery: 'email' },
        },
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    request = { id: registered.json().requestId, version: 1 };
  });
  afterAll(() => healthy.close());

  describe.each(['40P01', '40001'])('the database answering %s', (code) => {
    let app: FastifyInstance;
    let failing: Db;
    beforeAll(async () => {
      failing = { ...use(), kysely: use().kysely.withPlugin(new FailingWrites(code)) };
      app = await buildServer({ db: failing, now, trustUserHeader: true });
      await app.ready();
    });
    afterAll(() => app.close());

    const draftVersion = async () =>
      (await healthy.inject({ url: `${BASE}/reports/2021/draft`, headers: OPERATOR })).json().version;

    it.each<[string, () => Promise<[string, string, Record<string, string>, object | undefined]>, string]>([
      [
        'items (submitting an item)',
        async () => ['POST', `${BASE}/items/${item.id}/submit`, OPERATOR, { expectedVersion: item.version }],
        '该信息刚被其他人修改，请刷新后重试。',
      ],
      [
        'requests (deciding a case)',
        async () => [
          'POST',
          `${BASE}/requests/${request.id}/actions/decide`,
          APPROVER,
          {
            expectedVersion: request.version,
            payload: { outcome: 'unable.not_held', basis: 'a36.4', reasons: '经检索未找到' },
          },
        ],
        '该申请刚被其他人修改，请刷新后重试。',
      ],
      [
        'registration (registering a request)',
        async () => [
          'POST',
          `${BASE}/requests`,
          OPERATOR,
          {
            ...{ channel: 'letter', receivedOn: '2022-01-18', applicantType: 'business' },
            applicant: {
              ...{
                name: '威海某贸易有限公司',
                idType: 'other',
                idName: '营业执照',
                idNumber: 'YYZZ-2022-002',
              },
              ...{ address: '威海市某路2号', information: '2021年某项目的验收', form: 'email' },
              ...{ email: 'trade@example.cn', delivery: 'email' },
            },
          },
        ],
        '登记时与同时进行的其他登记冲突，请重试。',
      ],
      [
        'drafting an item',
        async () => [
          'POST',
          `${BASE}/items`,
          OPERATOR,
          { title: '关于冲突测试的又一通知', category: 'a20.1', issuer: '测试局', formedOn: '2021-03-02' },
        ],
        '新建信息时与其他操作冲突，请重试。',
      ],
      [
        'the item settings (the 索引号 prefix)',
        async () => ['PUT', `${BASE}/item-settings`, ADMIN, { indexPrefix: '11371000MB2856987K' }],
        '本机关的设置刚被其他人修改，请刷新后重试。',
      ],
      [
        'the registry (issuing a document)',
        async () => [
          'POST',
          `${BASE}/registry/documents`,
          OPERATOR,
          {
            kind: 'normative',
            docNumber: '测发〔2021〕99号',
            title: '关于冲突的规定',
            issuedOn: '2021-03-01',
          },
        ],
        '该文件刚被其他人变更（或已有同一决定），请刷新后重试。',
      ],
      [
        'the annual report (saving the draft)',
        async () => [
          'PUT',
          `${BASE}/reports/2021/draft`,
          OPERATOR,
          { expectedVersion: await draftVersion(), sections: {} },
        ],
        '该年度报告刚被他人修改或发布，请刷新后重试。',
      ],
      [
        'the yearly figures (saving them)',
        async () => [
          'PUT',
          `${BASE}/reports/2021/figures`,
          OPERATOR,
          { licenseDecisions: 1, penaltyDecisions: 2, enforcementDecisions: 3, feesWan: '0' },
        ],
        '该年度报告刚被他人修改或发布，请刷新后重试。',
      ],
      [
        'the calendar (setting an override, which recomputes every open deadline)',
        async () => [
          'POST',
          '/api/v1/calendar/overrides',
          ROOT,
          { date: '2026-12-31', kind: 'holiday', source: '某府办发〔2026〕9号' },
        ],
        '工作日历或某件申请刚被其他人修改，日历未作更改，请稍后重试。',
      ],
      [
        'users (creating one: not “the username is taken”)',
        async () => [
          'POST',
          `${BASE}/users`,
          ADMIN,
          {
            username: 'conflicts-new',
            displayName: '新用户',
            password: 'Harbour-lights-2026',
            roles: [],
          },
        ],
        '该账号刚被其他人修改，请刷新后重试。',
      ],
      [
        'users (granting a role)',
        async () => ['PUT', `${BASE}/users/conflicts-reviewer/roles/operator`, ADMIN, undefined],
        '该账号刚被其他人修改，请刷新后重试。',
      ],
    ])('in %s', async (_store, call, message) => {
      const [method, url, headers, payload] = await call();
      const res = await app.inject({
        method: method as 'POST' | 'PUT',
        url,
        headers,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'conflict', message });
    });

    it('in the records import (a conflict to retry, not a bad line)', async () => {
      async function* lines() {
        yield JSON.stringify({
          type: 'agency',
          code: 'conflicts-import',
          name: '冲突导入局',
          kind: 'department',
        });
      }
      const ctx = testContext(failing, { actor: { username: 'test' } });
      const error = await importRecords(ctx, { lines: lines(), source: 'conflict.jsonl' }).catch((e) => e);
      expect(error).toEqual(new AppError('conflict', '导入时与其他写入冲突，未写入任何记录，请稍后重试。'));
    });
  });
});

const postgresUrl = testDatabases().find((d) => d.url.startsWith('postgres'))?.url;
if (postgresUrl) {
  describe('a real deadlock between two transactions [PostgreSQL]', () => {
    const schema = `gk_deadlock_${randomBytes(6).toString('hex')}`;
    let admin: Db;
    let db: Db;
    beforeAll(async () => {
      admin = openDb(postgresUrl);
      await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
      await sql`create table ${sql.id(schema, 'pair')} (id int primary key, n int not null)`.execute(
        admin.kysely,
      );
      await sql`insert into ${sql.id(schema, 'pair')} values (1, 0), (2, 0)`.execute(admin.kysely);
      db = openDb(postgresUrl, { searchPath: schema });
    });
    afterAll(async () => {
      await db.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely);
      await admin.close();
    });

    it('is a conflict for the transaction PostgreSQL picks, and the other commits', async () => {
      let bothLocked: () => void = () => {};
      const locked = new Promise<void>((resolve) => {
        let count = 0;
        bothLocked = () => {
          if (++count === 2) resolve();
        };
      });
      const bump = (id: number) => sql`update pair set n = n + 1 where id = ${id}`;
      const crossing = (first: number, second: number) =>
        db.kysely
          .transaction()
          .execute(async (trx) => {
            await bump(first).execute(trx);
            bothLocked();
            await locked;
            await bump(second).execute(trx);
          })
          .then(
            () => 'committed',
            (error: unknown) => rethrowConflict(error, '该申请刚被其他人修改，请刷新后重试。'),
          )
          .catch((error: unknown) => (error instanceof AppError ? error.code : 'other error'));
      const outcomes = await Promise.all([crossing(1, 2), crossing(2, 1)]);
      expect(outcomes.sort()).toEqual(['committed', 'conflict']);
    });
  });
}
