import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliContext } from '../cli/command-context.ts';
import { importRecords } from '../commands/import-records.ts';
import { createTestAgency } from '../commands/items/testing.ts';
import { AppError } from '../errors.ts';
import { buildServer } from '../server/app.ts';
import { toAppError } from '../server/errors.ts';
import { isDatabaseBusy } from './busy.ts';
import { type Db, openDb } from './connection.ts';
import { migrateToLatest } from './migrate.ts';
import { withStatementCache } from './sqlite-immediate.ts';
import { inTransaction } from './transaction.ts';

const agency = (code: string) => ({
  ...{ code, name: code, short_name: code, kind: 'government', address: '', postcode: '' },
  ...{ phone: '', website: '', website_name: '', office: '', created_at: '2026-01-01T00:00:00Z' },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two connections to one SQLite file, as the server and `gongkai import` are. */
describe('SQLite write transactions wait for the write lock (BEGIN IMMEDIATE)', () => {
  let dir: string;
  let server: Db;
  let importer: Db;
  const open = (lockWait?: { waitMs: number }) => openDb(`sqlite:${join(dir, 'g.db')}`, { lockWait });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-immediate-'));
    server = open();
    await migrateToLatest(server);
    importer = open();
  });
  afterEach(async () => {
    await server.close();
    await importer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const agencyCount = async (db: Db) =>
    (
      await db.kysely
        .selectFrom('agencies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  const addAgency = (db: Db, code: string) =>
    inTransaction(db, async (trx) => {
      // a read first, then a write: a DEFERRED transaction failed here at once when another wrote in between
      await trx.selectFrom('agencies').select('id').execute();
      await trx.insertInto('agencies').values(agency(code)).execute();
    });

  it('a read-then-write transaction waits while another connection holds the lock, then commits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const begun = new Promise<void>((resolve) => {
      started = resolve;
    });
    const holder = inTransaction(importer, async (trx) => {
      await trx.insertInto('agencies').values(agency('imp')).execute();
      started();
      await held;
    });
    await begun;
    const waiting = addAgency(server, 'web');
    let settled = false;
    void waiting.finally(() => {
      settled = true;
    });
    await sleep(300);
    // the event loop ran (this line) while the write waited; the write has not failed
    expect(settled).toBe(false);
    release();
    await holder;
    await waiting;
    expect(await agencyCount(server)).toBe(2);
  });

  it('after the wait it gives up with SQLITE_BUSY, answered 503 with Retry-After and a Chinese sentence; nothing written', async () => {
    const impatient = open({ waitMs: 100 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const begun = new Promise<void>((resolve) => {
      started = resolve;
    });
    const holder = inTransaction(importer, async () => {
      started();
      await held;
    });
    await begun;
    const error = await addAgency(impatient, 'web').catch((e: unknown) => e);
    release();
    await holder;
    expect(isDatabaseBusy(error)).toBe(true);
    const app = toAppError(error);
    expect(app?.status).toBe(503);
    expect(app?.retryAfterSeconds).toBeGreaterThan(0);
    expect(app?.message).toMatch(/数据库正忙.*请稍后重试/);
    expect(await agencyCount(impatient)).toBe(0);
    await impatient.close();
  });

  /** Holds the write lock from the importer's connection until the returned release is called. */
  async function holdLock(): Promise<() => Promise<void>> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const begun = new Promise<void>((resolve) => {
      started = resolve;
    });
    const holder = inTransaction(importer, async () => {
      started();
      await held;
    });
    await begun;
    return async () => {
      release();
      await holder;
    };
  }

  it('条例第二十九条: online submissions refused as busy are 503 with Retry-After and a Chinese sentence, all at once, and nothing is stored', async () => {
    const impatient = open({ waitMs: 300 });
    await createTestAgency(impatient, 'busyzone');
    const app = await buildServer({ db: impatient });
    const release = await holdLock();
    const post = (n: number) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/agencies/busyzone/requests/online',
        remoteAddress: `192.0.2.${n}`,
        payload: {
          applicantType: 'natural_person',
          applicant: {
            ...{ name: `张三${n}`, idType: 'passport', idNumber: `E1234567${n}`, phone: '13800138000' },
            ...{
              address: '威海市临港区测试路1号',
              information: '2021年城乡低保资金发放明细',
              form: 'paper',
              delivery: 'post',
            },
          },
        },
      });
    const started = performance.now();
    // filed together, they are written as one batch (registration-batcher.ts): its wait for the lock
    // is theirs, not one wait after another
    const responses = await Promise.all([1, 2, 3, 4, 5, 6].map(post));
    const waited = performance.now() - started;
    await release();
    expect(waited).toBeLessThan(5 * 300); // one after another: 7 waits (the batch, then each)
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json().error).toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/数据库正忙/),
      });
    }
    const stored = await impatient.kysely.selectFrom('requests').select('id').execute();
    expect(stored).toEqual([]);
    await app.close();
    await impatient.close();
  });

  it('an import that cannot get the lock says 数据库正忙 and writes nothing (not “第1行：数据库拒绝写入”)', async () => {
    const impatient = open({ waitMs: 100 });
    const release = await holdLock();
    async function* lines() {
      yield JSON.stringify({ type: 'agency', code: 'imp2', name: '导入机关', kind: 'government' });
    }
    const error = await importRecords(cliContext(impatient, { username: 'tester' }), {
      lines: lines(),
      source: 'busy.jsonl',
    }).catch((e: unknown) => e);
    await release();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toMatch(/^数据库正忙.*未写入任何记录/);
    expect(await agencyCount(impatient)).toBe(0);
    await impatient.close();
  });

  it('runs with synchronous = FULL (an acknowledged write survives a power cut, not only a crash)', () => {
    expect(server.sqlite?.pragma('synchronous', { simple: true })).toBe(2);
  });
});

describe('withStatementCache', () => {
  it('prepares a SQL text once, and a kept statement still works after the schema changes', () => {
    const raw = new Database(':memory:');
    let prepared = 0;
    const counting = new Proxy(raw, {
      get(target, key) {
        if (key === 'prepare')
          return (sql: string) => {
            prepared++;
            return target.prepare(sql);
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const db = withStatementCache(counting);
    db.prepare('create table t (a integer)').run([]);
    const insert = 'insert into t (a) values (?)';
    for (let i = 0; i < 5; i++) db.prepare(insert).run([i]);
    expect(prepared).toBe(2);
    db.prepare('alter table t add column b text').run([]);
    db.prepare(insert).run([9]);
    expect(db.prepare('select count(*) as n from t').all([])).toEqual([{ n: 6 }]);
    raw.close();
  });
});
