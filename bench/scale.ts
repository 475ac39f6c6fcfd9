/**
 * `npm run bench:scale` (issue 16): the platform at a province's size on PostgreSQL — 2,000
 * agencies, 10M items (their search index included), 11.5M publications, 1M requests — generated in
 * SQL (bench/scale-data.ts) into a database of its own (`bench_scale` on the server of
 * BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432). Then, each figure next to a
 * baseline measured in the same run:
 *
 *   - the portal's pages (home, an agency's catalogue page, an item, a province-wide search) through
 *     nginx (scripts/cluster's configuration) with 1 and with 2 `gongkai serve` processes, against
 *     the same bytes answered from memory by the bare route of bench/portal.ts in the same number of
 *     processes behind the same nginx: the CPU ceiling of this machine for that many processes. The
 *     machine's CPU busy share and the servers' own cores used are printed with each run. Target:
 *     p99 ≤ 50 ms at 50 connections.
 *   - a province-wide search (bench/scale-probes.ts): p95 of the 100 queries, target ≤ 20 ms;
 *     baseline a LIKE scan of a few of them.
 *   - one agency's annual report (the agency with the most publications of the year): target < 2 s;
 *     baseline the bare counts of its year's records.
 *   - `gongkai items import` rows/s into the province, against the same import into an empty database.
 *
 * Flags: --agencies N (2000), --items N (10000000), --requests N (1000000), --pool N (20000, the
 * distinct texts), --keep (reuse the database when it was generated with these sizes; otherwise it
 * is dropped at the end), --database NAME (bench_scale), --servers 1,2, --connections N (50),
 * --duration S (10), --warmup S (2), --runs N (3), --like N (2), --import-rows N (20000),
 * --only pages,search,report,import. PostgreSQL only: the layout with several servers is
 * PostgreSQL's (docs/deploy.md); SQLite is one server process.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { drained, type LoadResult, loadTest } from './autocannon.ts';
import { cpuBetween, cpuSample, type Fleet, MEMORY_PREFIX, startFleet } from './scale-cluster.ts';
import { generatedScale, generateScale, type ScaleSizes } from './scale-data.ts';
import { measureImport, measureReport, measureSearch } from './scale-probes.ts';

const P99_TARGET_MS = 50;
const SEARCH_P95_TARGET_MS = 20;
const REPORT_TARGET_MS = 2000;

const { values: flags } = parseArgs({
  options: {
    agencies: { type: 'string', default: '2000' },
    items: { type: 'string', default: '10000000' },
    requests: { type: 'string', default: '1000000' },
    pool: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string', default: 'bench_scale' },
    servers: { type: 'string', default: '1,2' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    like: { type: 'string', default: '2' },
    'import-rows': { type: 'string', default: '20000' },
    only: { type: 'string', default: 'pages,search,report,import' },
  },
});
const sizes: ScaleSizes = {
  agencies: Number(flags.agencies),
  items: Number(flags.items),
  requests: Number(flags.requests),
  pool: Number(flags.pool),
};
const only = new Set(flags.only.split(','));
const connections = Number(flags.connections);
const duration = Number(flags.duration);
const warmup = Number(flags.warmup);
const server = new URL(process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const databaseUrl = (name: string) => Object.assign(new URL(server.href), { pathname: `/${name}` }).href;
const url = databaseUrl(flags.database);
const load = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/.*load/, 'load');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The kept database when its sizes match, else a new one, generated. */
async function province(): Promise<Db> {
  if (flags.keep) {
    const db = openDb(url);
    const kept = await generatedScale(db).catch(() => null);
    if (kept && JSON.stringify(kept) === JSON.stringify(sizes)) {
      console.log(`reusing ${flags.database} (--keep): ${JSON.stringify(kept)}`);
      return db;
    }
    await db.close();
  }
  await admin(`drop database if exists ${flags.database} with (force)`);
  await admin(`create database ${flags.database}`);
  const db = openDb(url);
  await migrateToLatest(db);
  console.log(`generating ${JSON.stringify(sizes)} (${load()})`);
  const started = performance.now();
  await generateScale(db, sizes, Number(flags.seed), (line) => console.log(line));
  console.log(`generated in ${seconds(performance.now() - started)} (${load()})`);
  return db;
}

async function counts(db: Db): Promise<void> {
  const tables = ['agencies', 'items', 'search_documents', 'publications', 'requests'] as const;
  const found: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(
      db.kysely,
    );
    found.push(`${table} ${Number(rows[0]?.n ?? 0).toLocaleString('en')}`);
  }
  const { rows } = await sql<{
    size: string;
  }>`select pg_size_pretty(pg_database_size(current_database())) as size`.execute(db.kysely);
  console.log(`${found.join(', ')}; ${rows[0]?.size}`);
}

interface Page {
  name: string;
  path: string;
}

/** Home, a middle agency's catalogue (its biggest category), its newest item, a search for a word of its title. */
async function scalePages(db: Db): Promise<Page[]> {
  const agency = await sql<{ id: number; code: string }>`select id, code from agencies
    order by id offset (select count(*) / 2 from agencies) limit 1`.execute(db.kysely);
  const a = agency.rows[0];
  if (!a) throw new Error('no agency');
  const published = db.kysely
    .selectFrom('items')
    .where('agency_id', '=', a.id)
    .where('status', '=', 'published');
  const category = await published
    .select(['category', sql<number>`count(*)`.as('n')])
    .groupBy('category')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const item = await published
    .select(['id', 'title'])
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const word = /[\u4e00-\u9fff]{2,4}/.exec(item.title.replace(/^关于/, ''))?.[0] ?? item.title.slice(0, 4);
  const base = `/agencies/${a.code}`;
  return [
    { name: 'home', path: '/' },
    { name: 'category', path: `${base}/gongkai/catalog?category=${encodeURIComponent(category.category)}` },
    { name: 'item', path: `${base}/items/${item.id}` },
    { name: 'search', path: `/search?q=${encodeURIComponent(word)}` },
  ];
}

interface Run {
  load: LoadResult;
  machinePercent: number;
  serverCores: number;
}

async function run(fleet: Fleet, path: string): Promise<Run> {
  if (warmup > 0) await loadTest(`${fleet.base}${path}`, connections, warmup);
  await drained(fleet.base);
  const before = cpuSample(fleet.pids);
  const result = await loadTest(`${fleet.base}${path}`, connections, duration);
  const cpu = cpuBetween(before, cpuSample(fleet.pids));
  await drained(fleet.base);
  return { load: result, ...cpu };
}

/** Each page with 1 and 2 servers, then the in-memory bytes with as many baseline servers. */
/** Set when a load run had failed responses: the servers' and nginx's logs are then kept. */
let failed = false;

async function measurePages(db: Db, dir: string): Promise<boolean> {
  const pages = await scalePages(db);
  const pagesDir = join(dir, 'pages');
  mkdirSync(pagesDir, { recursive: true });
  const counts = flags.servers.split(',').map(Number);
  const options = { databaseUrl: url, dir, lbPort: 3430 };
  const rows: string[] = [];
  let pass = true;
  for (const servers of counts) {
    const ports = Array.from({ length: servers }, (_, i) => 3431 + i);
    const app = await startFleet({ ...options, kind: 'app', ports });
    const measured: Run[] = [];
    try {
      for (const page of pages) {
        const response = await fetch(`${app.base}${page.path}`);
        if (!response.ok) throw new Error(`${page.path}: HTTP ${response.status}`);
        writeFileSync(join(pagesDir, `${page.name}.html`), Buffer.from(await response.arrayBuffer()));
        measured.push(await run(app, page.path));
        process.stdout.write(`  ${servers} server(s), ${page.name} measured (${load()})\n`);
      }
    } finally {
      await app.stop();
    }
    const memory = await startFleet({ ...options, kind: 'memory', ports });
    try {
      for (const [page, own] of pages.map((p, i) => [p, measured[i]] as const)) {
        if (!own) throw new Error(`${page.name}: not measured`);
        const ceiling = await run(memory, `${MEMORY_PREFIX}${page.name}`);
        const failures = own.load.failures + ceiling.load.failures;
        const ok = own.load.p99Ms <= P99_TARGET_MS && failures === 0;
        pass &&= ok;
        failed ||= failures > 0;
        rows.push(
          `${String(servers).padStart(7)}  ${page.name.padEnd(9)}${own.load.requestsPerSecond.toFixed(0).padStart(8)}` +
            `${own.load.p99Ms.toFixed(0).padStart(7)}${own.machinePercent.toFixed(0).padStart(6)}%${own.serverCores.toFixed(2).padStart(6)}` +
            `${ceiling.load.requestsPerSecond.toFixed(0).padStart(9)}${ceiling.load.p99Ms.toFixed(0).padStart(7)}` +
            `${ceiling.machinePercent.toFixed(0).padStart(6)}%${ceiling.serverCores.toFixed(2).padStart(6)}` +
            `${(own.load.requestsPerSecond / ceiling.load.requestsPerSecond).toFixed(2).padStart(7)}  ${ok ? 'PASS' : 'FAIL'}` +
            (failures > 0 ? ` (${failures} failed responses)` : ''),
        );
      }
    } finally {
      await memory.stop();
    }
  }
  console.log(`\npages through nginx, ${connections} connections × ${duration} s (${load()})`);
  for (const page of pages) console.log(`  ${page.name}: ${page.path}`);
  console.log(
    `${'servers'.padStart(7)}  ${'page'.padEnd(9)}${'req/s'.padStart(8)}${'p99'.padStart(7)}${'cpu'.padStart(7)}${'cores'.padStart(6)}` +
      `${'ceiling'.padStart(9)}${'p99'.padStart(7)}${'cpu'.padStart(7)}${'cores'.padStart(6)}${'ratio'.padStart(7)}  p99 ≤ ${P99_TARGET_MS} ms`,
  );
  for (const row of rows) console.log(row);
  console.log(
    '  cpu: the machine busy (% of its 2 cores); cores: the server processes’ own CPU; ceiling: the same bytes from memory\n' +
      '  by the bare route in as many processes behind the same nginx; ratio: page req/s ÷ ceiling req/s',
  );
  return pass;
}

async function main(): Promise<void> {
  console.log(`bench:scale on ${url.replace(/\/\/[^@/]*@/, '//')} (${load()})`);
  const db = await province();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-scale-'));
  const results: boolean[] = [];
  try {
    await counts(db);
    if (only.has('pages')) results.push(await measurePages(db, dir));
    if (only.has('search')) {
      const s = await measureSearch(db, Number(flags.runs), Number(flags.like));
      const ok = s.p95Ms <= SEARCH_P95_TARGET_MS;
      results.push(ok);
      console.log(
        `\nprovince-wide search, ${s.queries} queries × ${flags.runs} runs (${load()}): p50 ${s.p50Ms.toFixed(1)} ms, ` +
          `p95 ${s.p95Ms.toFixed(1)} ms (cold pass p95 ${s.coldP95Ms.toFixed(1)} ms) — target p95 ≤ ${SEARCH_P95_TARGET_MS} ms: ` +
          `${ok ? 'met' : 'NOT met'}\n  baseline: LIKE over items, ${s.likeQueries} of the queries: median ${s.likeMs.toFixed(0)} ms ` +
          `against the index's ${s.sameQueriesMs.toFixed(1)} ms for them (${(s.likeMs / s.sameQueriesMs).toFixed(0)}× faster)`,
      );
    }
    if (only.has('report')) {
      const r = await measureReport(db, Number(flags.runs));
      const ok = r.maxMs < REPORT_TARGET_MS;
      results.push(ok);
      console.log(
        `\nannual report ${r.agency} (${r.publications} publications, ${r.requests} requests of the year) (${load()}): ` +
          `median ${r.medianMs.toFixed(0)} ms, slowest ${r.maxMs.toFixed(0)} ms — target < ${REPORT_TARGET_MS} ms: ` +
          `${ok ? 'met' : 'NOT met'}\n  baseline: the bare counts of its records ${r.countsMs.toFixed(1)} ms ` +
          `(report ${(r.medianMs / r.countsMs).toFixed(0)}× that)`,
      );
    }
    if (only.has('import')) {
      const i = await measureImport(db, url, Number(flags['import-rows']), Number(flags.seed) + 1);
      console.log(
        `\nitems import of ${i.rows} rows (${load()}): into the province ${i.provinceRowsPerSecond.toFixed(0)} rows/s, ` +
          `into an empty database ${i.emptyRowsPerSecond.toFixed(0)} rows/s (ratio ${(i.provinceRowsPerSecond / i.emptyRowsPerSecond).toFixed(2)})`,
      );
    }
  } finally {
    await db.close();
    if (failed) console.log(`failed responses: the servers' and nginx's logs are kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
    if (!flags.keep) await admin(`drop database if exists ${flags.database} with (force)`);
  }
  console.log(results.every(Boolean) ? '\nPASS' : '\n*** FAIL: a target is not met (above) ***');
}

await main();
