/**
 * `npm run bench:portal`: the portal's pages (home, a category page, an item page, a search page)
 * of the demo agency under load, each next to two baselines of the same bytes from the same server
 * in the same run: served as a static file (@fastify/static, which reads the file), and the strict
 * one, answered from memory by a bare route (issue 16) — the cost of Fastify, its hooks (security
 * headers, identity) and HTTP alone, so the ratio to it is what the page's own work costs.
 *
 * Setup (not measured): a fresh SQLite file in a temp folder with the demo agency, `buildServer`
 * on loopback, plus @fastify/static on a bench-only prefix serving a temp folder. Each page is
 * fetched once and its bytes written there. Then for each page: a warm-up, autocannon (a child
 * process, so the load generator does not share the server's event loop) against the page, then
 * against its static copy, then against the bare route. Targets: page req/s ≥ 50% of the static
 * figure, page p99 ≤ 50 ms at 50 connections; and the strict one, page req/s ≥ 80% of the bare
 * route's. Exit code 0 either way; FAIL is printed loudly.
 * On a shared machine the load drifts within a run: `--rounds N` measures the three N times each,
 * in alternating order (page, static, memory, then memory, static, page, …), and takes the median
 * req/s and the median p99 of each, so drift is charged to all three alike.
 * Flags: --duration SEC (10), --connections N (50), --warmup SEC (2), --rounds N (1), --db sqlite|postgres|both
 * (default sqlite, plus postgres when BENCH_DATABASE_URL or TEST_DATABASE_URL is set; on
 * PostgreSQL the demo goes into a schema of its own, dropped at the end).
 */

import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import { cliContext } from '../src/cli/command-context.ts';
import { loadDemo } from '../src/commands/load-demo.ts';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server/app.ts';
import { drained, type LoadResult, loadTest } from './autocannon.ts';
import { portalPages } from './portal-pages.ts';

const RATIO_TARGET = 0.5;
const STRICT_RATIO_TARGET = 0.8;
const P99_TARGET_MS = 50;
const STATIC_PREFIX = '/__bench-static/';
const MEMORY_PREFIX = '/__bench-memory/';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '1' },
    db: { type: 'string' },
  },
});
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
const databases =
  flags.db === undefined
    ? pgUrl
      ? ['sqlite', 'postgres']
      : ['sqlite']
    : flags.db === 'both'
      ? ['sqlite', 'postgres']
      : [flags.db];
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const warmup = Number(flags.warmup);
const rounds = Math.max(1, Number(flags.rounds));

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The median req/s and p99 of a target's runs, their failures summed. */
const medianOf = (runs: LoadResult[]): LoadResult => ({
  requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
  p99Ms: median(runs.map((r) => r.p99Ms)),
  failures: runs.reduce((sum, r) => sum + r.failures, 0),
});

interface Row {
  name: string;
  path: string;
  bytes: number;
  page: LoadResult;
  copy: LoadResult;
  memory: LoadResult;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

function printTable(rows: Row[]): boolean {
  console.log(
    `\n${'page'.padEnd(10)}${'bytes'.padStart(9)}${'req/s'.padStart(9)}${'p99 ms'.padStart(9)}` +
      `${'static'.padStart(9)}${'st. p99'.padStart(9)}${'ratio'.padStart(8)}  result` +
      `${'memory'.padStart(9)}${'m. p99'.padStart(9)}${'ratio'.padStart(8)}  strict   path`,
  );
  let allPass = true;
  for (const row of rows) {
    const ratio = row.page.requestsPerSecond / row.copy.requestsPerSecond;
    const strictRatio = row.page.requestsPerSecond / row.memory.requestsPerSecond;
    const failures = row.page.failures + row.copy.failures + row.memory.failures;
    const pass = ratio >= RATIO_TARGET && row.page.p99Ms <= P99_TARGET_MS && failures === 0;
    const strict = strictRatio >= STRICT_RATIO_TARGET && failures === 0;
    allPass &&= pass && strict;
    console.log(
      `${row.name.padEnd(10)}${String(row.bytes).padStart(9)}${fmt(row.page.requestsPerSecond)} ` +
        `${fmt(row.page.p99Ms)} ${fmt(row.copy.requestsPerSecond)} ${fmt(row.copy.p99Ms)} ` +
        `${ratio.toFixed(2).padStart(7)}  ${pass ? 'PASS' : 'FAIL'}  ` +
        `${fmt(row.memory.requestsPerSecond)} ${fmt(row.memory.p99Ms)} ` +
        `${strictRatio.toFixed(2).padStart(7)}  ${strict ? 'PASS' : 'FAIL'}     ${row.path}` +
        (failures > 0 ? `  (${failures} failed responses)` : ''),
    );
  }
  console.log(
    `\ntargets: page req/s ≥ ${RATIO_TARGET * 100}% of the same bytes served statically, ` +
      `page p99 ≤ ${P99_TARGET_MS} ms; strict: page req/s ≥ ${STRICT_RATIO_TARGET * 100}% of the same bytes ` +
      `answered from memory by a bare route; at ${connections} connections × ${duration} s` +
      (rounds > 1 ? `, medians of ${rounds} rounds` : ''),
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  return allPass;
}

/** Loads the demo into `db`, serves it and measures every page; true when every page meets its targets. */
async function measure(db: Db, staticDir: string): Promise<boolean> {
  console.log('loading the demo agency…');
  await migrateToLatest(db);
  const loaded = await loadDemo(cliContext(db, { username: 'bench:portal' }));
  // a load that failed leaves no agency, and the pages would be 404s: say why and stop
  if (!loaded.ok) throw new Error(`the demo did not load: ${JSON.stringify(loaded.problems)}`);
  // attachments in a folder of the run (PostgreSQL has no default one: files-dir.ts)
  const app = await buildServer({ db, filesDir: `${staticDir}-files` });
  await app.register(fastifyStatic, { root: staticDir, prefix: STATIC_PREFIX });
  // the strict baseline: each page's bytes and content type, kept in memory and sent as they are
  const inMemory = new Map<string, { bytes: Buffer; type: string }>();
  app.get<{ Params: { name: string } }>(`${MEMORY_PREFIX}:name`, (request, reply) => {
    const found = inMemory.get(request.params.name);
    if (!found) return reply.code(404).send();
    return reply.type(found.type).send(found.bytes);
  });
  const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
  try {
    const rows: Row[] = [];
    for (const { name, path } of await portalPages(db)) {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      await writeFile(join(staticDir, `${name}.html`), bytes);
      inMemory.set(name, { bytes, type: response.headers.get('content-type') ?? 'text/html; charset=utf-8' });
      const copyUrl = `${base}${STATIC_PREFIX}${name}.html`;
      const memoryUrl = `${base}${MEMORY_PREFIX}${name}`;
      if (warmup > 0) {
        await loadTest(`${base}${path}`, connections, warmup);
        await loadTest(copyUrl, connections, warmup);
        await loadTest(memoryUrl, connections, warmup);
        await drained(base);
      }
      process.stdout.write(`${name}: ${path} (${bytes.length} bytes)…\n`);
      const targets = [`${base}${path}`, copyUrl, memoryUrl];
      const runs: LoadResult[][] = [[], [], []];
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
        for (const at of order) {
          runs[at].push(await loadTest(targets[at], connections, duration));
          await drained(base);
        }
      }
      const [page, copy, memory] = runs.map(medianOf);
      rows.push({ name, path, bytes: bytes.length, page, copy, memory });
    }
    return printTable(rows);
  } finally {
    await app.close();
  }
}

async function onSqlite(dir: string, staticDir: string): Promise<boolean> {
  const db = openDb(`sqlite:${join(dir, 'gongkai.db')}`);
  try {
    return await measure(db, staticDir);
  } finally {
    await db.close();
  }
}

async function onPostgres(url: string, staticDir: string): Promise<boolean> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = openDb(url);
  await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
  const db = openDb(url, { searchPath: schema });
  try {
    return await measure(db, staticDir);
  } finally {
    await db.close();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely).finally(() => admin.close());
  }
}

async function main(): Promise<void> {
  // the machine's load, printed with the figures (the machine may be shared)
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-portal-'));
  // the demo's applicants' ID numbers are sealed under a keyring: beside the SQLite file by default,
  // where GONGKAI_ID_KEY_FILE says on PostgreSQL (crypto/id-vault.ts) — the run's own, in its folder
  process.env.GONGKAI_ID_KEY_FILE ||= join(dir, 'gongkai-keys.json');
  let pass = true;
  try {
    for (const database of databases) {
      const staticDir = join(dir, `static-${database}`);
      await mkdir(staticDir);
      if (database === 'sqlite') {
        console.log('\n== SQLite');
        pass = (await onSqlite(dir, staticDir)) && pass;
      } else if (database === 'postgres') {
        if (!pgUrl) throw new Error('--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
        console.log(`\n== PostgreSQL: ${pgUrl.replace(/\/\/[^@/]*@/, '//')}`);
        pass = (await onPostgres(pgUrl, staticDir)) && pass;
      } else throw new Error(`--db ${database}: sqlite, postgres or both`);
    }
    console.log(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    console.log(pass ? '\nPASS' : '\n*** FAIL: a page is below target (see the tables) ***');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
