/**
 * `npm run bench:rate-limits`: what the rate limits cost per request now that their counts are in
 * the database (src/server/rate-counters.ts, issue 16), against the in-process LRU counts they
 * replace, measured in the same run. A public submission adds to two counts (address, applicant)
 * and the flood guard's one; a sign-in reads three (pair, user, usual address) and the per-address
 * limit adds one. Figures: microseconds per operation, one at a time and 50 at once (as 50
 * connections would), on a SQLite file with the server's group commit and on PostgreSQL
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL; a schema of its own, dropped at the end).
 * Flags: --n N (2000 operations per figure).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createRateCounters } from '../src/server/rate-counters.ts';

const { values: flags } = parseArgs({ options: { n: { type: 'string', default: '2000' } } });
const n = Number(flags.n);
const CONCURRENCY = 50;
const WINDOW = 60_000;

/** Microseconds per call of `op(i)` for i < n: one at a time, then CONCURRENCY at once. */
async function time(op: (i: number) => Promise<unknown>): Promise<{ serial: number; parallel: number }> {
  let started = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  const serial = ((performance.now() - started) * 1000) / n;
  started = performance.now();
  for (let i = 0; i < n; i += CONCURRENCY)
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, j) => op(n + i + j)));
  const parallel = ((performance.now() - started) * 1000) / n;
  return { serial, parallel };
}

/** The in-process count it replaces: lru-cache get and set, as the limiters did. */
async function baseline() {
  const cache = new LRUCache<string, { count: number; resetAt: number }>({ max: 100_000 });
  return time(async (i) => {
    const key = `ip:192.0.${i % 250}.${i % 7}`;
    const w = cache.get(key);
    if (!w) cache.set(key, { count: 1, resetAt: Date.now() + WINDOW });
    else w.count++;
  });
}

async function measure(name: string, db: Db): Promise<void> {
  await migrateToLatest(db);
  const counters = createRateCounters(db);
  const now = Date.now();
  const memory = await baseline();
  const add = await time((i) => counters.add(`submit-ip:192.0.${i % 250}.${i % 7}`, now, WINDOW));
  const read = await time((i) =>
    counters.read([`signin-pair:u${i % 100}\n192.0.2.1`, `signin-user:u${i % 100}`], now),
  );
  const row = (label: string, t: { serial: number; parallel: number }) =>
    console.log(
      `${label.padEnd(34)}${t.serial.toFixed(1).padStart(10)}${t.parallel.toFixed(1).padStart(12)}` +
        `${(t.serial / memory.serial).toFixed(0).padStart(12)}×`,
    );
  console.log(`\n== ${name}: µs per operation (n = ${n}; ${CONCURRENCY} at once in the second column)`);
  console.log(`${''.padEnd(34)}${'one'.padStart(10)}${'50 at once'.padStart(12)}${'vs memory'.padStart(13)}`);
  row('in-process LRU count (before)', memory);
  row('database: add one (upsert)', add);
  row('database: read counts (select)', read);
  const submission = { serial: 3 * add.serial, parallel: 3 * add.parallel };
  const signIn = { serial: read.serial + add.serial, parallel: read.parallel + add.parallel };
  row('a public submission (3 adds)', submission);
  row('a sign-in (1 read + 1 add)', signIn);
}

const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-limits-'));
try {
  const sqlite = openDb(`sqlite:${join(dir, 'gongkai.db')}`, { groupCommit: true });
  try {
    await measure('SQLite (file, group commit)', sqlite);
  } finally {
    await sqlite.close();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = openDb(pgUrl);
    await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
    const pg = openDb(pgUrl, { searchPath: schema });
    try {
      await measure(`PostgreSQL (${pgUrl.replace(/\/\/[^@/]*@/, '//')})`, pg);
    } finally {
      await pg.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely);
      await admin.close();
    }
  } else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
} finally {
  await rm(dir, { recursive: true, force: true });
}
