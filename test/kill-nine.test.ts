/**
 * Issue 12, crash safety: `kill -9` of the server while citizens file (every acknowledged
 * submission is stored, none twice), and of `gongkai import` while it writes (nothing of the file
 * is stored — all or nothing), on SQLite and on PostgreSQL (when TEST_DATABASE_URL is set). The
 * server is bench/submit-server.ts: what `gongkai serve` does (migrate, build the server, listen)
 * without building the staff console.
 */
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImportFile } from '../bench/import-file.ts';
import {
  checkStored,
  runSubmitters,
  type ScratchDatabase,
  scratchPostgres,
  scratchSqlite,
  spawnImport,
  startServer,
} from '../bench/submitters.ts';
import type { Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const databases: Array<[string, () => Promise<ScratchDatabase>]> = [['SQLite', () => scratchSqlite()]];
const pg = process.env.TEST_DATABASE_URL;
if (pg) databases.push(['PostgreSQL', () => scratchPostgres(pg)]);

/**
 * The import file: big enough that SQLite's apply (the one transaction that writes) lasts long
 * enough to be seen and killed — about 0.1 s alone, longer on a busy machine — at a poll every 2 ms.
 */
const LINES = 20_000;
const file = join(tmpdir(), `gongkai-test-kill-import-${process.pid}.jsonl`);
beforeAll(async () => {
  await writeImportFile(file, LINES, 'killed');
});
afterAll(() => rmSync(file, { force: true }));

/** The server's submissions stored so far (committed: another connection sees them). */
async function storedSoFar(db: Db, prefix: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('information', 'like', `${prefix} %`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the import (another connection) is inside its write transaction right now. */
async function importWriting(db: Db, scratch: ScratchDatabase): Promise<boolean> {
  if (db.sqlite) {
    // the write lock is taken: a try with no wait fails
    const probe = db.sqlite;
    probe.pragma('busy_timeout = 0');
    try {
      probe.exec('begin immediate');
      probe.exec('rollback');
      return false;
    } catch {
      return true;
    } finally {
      probe.pragma('busy_timeout = 5000');
    }
  }
  // PostgreSQL: the import's transaction holds a lock on publications once it has inserted some
  const held = await sql<{ n: number }>`
    select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation
      join pg_namespace s on s.oid = c.relnamespace
    where c.relname = 'publications' and s.nspname = ${scratch.searchPath ?? ''} and l.mode = 'RowExclusiveLock'
  `.execute(db.kysely);
  return Number(held.rows[0].n) > 0;
}

describe.each(databases)('kill -9 on %s', (_name, make) => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await make();
    const db = scratch.open();
    await migrateToLatest(db);
    await db.close();
  });
  afterAll(async () => {
    await scratch?.cleanup();
  });

  it('条例第三十一条: of the server during load — every acknowledged submission is stored, none twice', async () => {
    const server = await startServer(scratch.serverEnv);
    let alive = true;
    const exited = once(server.child, 'exit').then(() => {
      alive = false;
    });
    let receipted = 0;
    const filing = runSubmitters({
      base: server.base,
      path: '/api/v1/agencies/benchzone/requests/online',
      clients: 50,
      prefix: 'killed-server',
      running: () => alive,
      timeoutMs: 10_000,
      answered: (submission) => {
        if (submission.trackingCode) receipted++;
      },
    });
    const db = scratch.open();
    try {
      // killed under load: once the server has stored 50 submissions and answered some with a
      // receipt (on a busy machine 50 were stored once before any answer had arrived), with 50
      // more on their way
      let before = 0;
      try {
        const deadline = Date.now() + 30_000;
        while (alive && Date.now() < deadline) {
          before = await storedSoFar(db, 'killed-server');
          if (before >= 50 && receipted > 0) break;
          await sleep(20);
        }
      } finally {
        server.child.kill('SIGKILL');
        await exited;
      }
      const results = await filing;
      expect(before).toBeGreaterThanOrEqual(50);
      const check = await checkStored(db, 'killed-server', results);
      expect(check.receipts).toBeGreaterThan(0);
      expect(results.some((r) => r.status === 0)).toBe(true); // the kill cut some off
      expect(check.missing).toBe(0);
      expect(check.duplicates).toBe(0);
      expect(check.storedAfterRefusal).toBe(0);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('of gongkai import while it writes — nothing of the file is stored', async () => {
    const db = scratch.open();
    try {
      const importing = spawnImport(scratch.importUrl, file);
      let killed = false;
      const deadline = Date.now() + 30_000;
      while (importing.child.exitCode === null && Date.now() < deadline) {
        if (await importWriting(db, scratch)) {
          importing.child.kill('SIGKILL');
          killed = true;
          break;
        }
        await sleep(2);
      }
      const outcome = await importing.done;
      expect(killed).toBe(true);
      expect(outcome.signal).toBe('SIGKILL');
      const agency = await db.kysely
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', 'killed')
        .executeTakeFirst();
      expect(agency).toBeUndefined();
      const rows = await db.kysely
        .selectFrom('publications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(0);
    } finally {
      await db.close();
    }
  }, 60_000);
});
