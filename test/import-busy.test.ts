/**
 * Issue 12: citizens file online while `gongkai import` loads a large file. The server and the
 * import are separate processes on one database (as in production): 100 concurrent submitters
 * keep filing until the import has finished. No 5xx, every acknowledged submission stored once,
 * the import complete; on SQLite, submissions were held up by the import's write lock (received
 * before the import recorded its event inside the lock, stored after its rows) and still stored.
 * (The 1,000,000-line case is `npm run bench:submit -- --import 1000000`; here 10,000 lines, to
 * stay within CI's time: the 100 submitters share the cores with the import for all of it.)
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImportFile } from '../bench/import-file.ts';
import {
  checkStored,
  runSubmitters,
  type ScratchDatabase,
  type ServerChild,
  scratchPostgres,
  scratchSqlite,
  spawnImport,
  startServer,
} from '../bench/submitters.ts';
import type { Db } from '../src/db/connection.ts';

const LINES = 10_000;
const file = join(tmpdir(), `gongkai-test-import-${process.pid}.jsonl`);

const databases: Array<[string, () => Promise<ScratchDatabase>]> = [['SQLite', () => scratchSqlite()]];
const pg = process.env.TEST_DATABASE_URL;
if (pg) databases.push(['PostgreSQL', () => scratchPostgres(pg)]);

let written = 0;
beforeAll(async () => {
  written = await writeImportFile(file, LINES);
});
afterAll(() => rmSync(file, { force: true }));

/**
 * SQLite: how many stored submissions the import's write lock held up — received (submitted_at)
 * before the import recorded its event, which it does inside the lock, yet written after the
 * import's rows (a higher id: one writer at a time, ids in the order written). Each was in flight
 * while the import held the lock and could only be written once it let go.
 */
async function heldUpByTheLock(db: Db): Promise<number> {
  const imported = await db.kysely
    .selectFrom('events')
    .select('at')
    .where('name', '=', 'records.imported')
    .executeTakeFirstOrThrow();
  const last = await db.kysely
    .selectFrom('requests')
    .innerJoin('agencies', 'agencies.id', 'requests.agency_id')
    .select((eb) => eb.fn.max('requests.id').as('id'))
    .where('agencies.code', '=', 'synth')
    .executeTakeFirstOrThrow();
  const held = await db.kysely
    .selectFrom('requests')
    .select('submitted_at')
    .where('information', 'like', 'busy-test %')
    .where('id', '>', Number(last.id))
    .execute();
  const lockedAt = Date.parse(imported.at);
  return held.filter((r) => r.submitted_at !== null && Date.parse(r.submitted_at) < lockedAt).length;
}

describe.each(databases)('100 submitters during a %s import of 10,000 lines', (name, make) => {
  let scratch: ScratchDatabase;
  let server: ServerChild;
  beforeAll(async () => {
    scratch = await make();
    server = await startServer(scratch.serverEnv);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await scratch?.cleanup();
  });

  it('条例第二十九条、第三十一条: every acknowledged submission is stored once, no 5xx, the import completes', async () => {
    const importing = spawnImport(scratch.importUrl, file);
    let importDone = false;
    const imported = importing.done.then((r) => {
      importDone = true;
      return r;
    });
    const results = await runSubmitters({
      base: server.base,
      path: '/api/v1/agencies/benchzone/requests/online',
      clients: 100,
      prefix: 'busy-test',
      running: () => !importDone,
    });
    const outcome = await imported;
    expect(outcome.said).toContain('导入完成');
    expect(outcome.code).toBe(0);
    const db = scratch.open();
    try {
      const check = await checkStored(db, 'busy-test', results);
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      expect(results.filter((r) => r.status === 0)).toEqual([]);
      expect(check.receipts).toBe(results.length);
      expect(check.receipts).toBeGreaterThan(0);
      expect(check.missing).toBe(0);
      expect(check.duplicates).toBe(0);
      const publications = await db.kysely
        .selectFrom('publications')
        .innerJoin('agencies', 'agencies.id', 'publications.agency_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agencies.code', '=', 'synth')
        .executeTakeFirstOrThrow();
      expect(Number(publications.n)).toBe(Math.round(LINES * 0.9));
      expect(written).toBeGreaterThan(LINES - 100);
      if (name === 'SQLite') expect(await heldUpByTheLock(db)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 120_000);
});
