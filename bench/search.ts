/**
 * `npm run bench:search`: full-text search over a large site, against a plain LIKE scan.
 *
 * A seeded corpus (bench/search-corpus.ts: 1,000,000 items by default, titles and bodies from a
 * vocabulary of government phrases) is imported through importItems (the bulk-import path, which
 * indexes as it goes) into a fresh database. Then, on the same data:
 *   - indexing: the index emptied and rebuilt from the items table through SearchIndex.upsert, in
 *     batches (items/s of the upsert calls, and of the whole pass with its reads); on SQLite also
 *     the time SQLite itself spent writing the index (bench/sqlite-write-timer.ts) — one writer per
 *     database, so that time alone bounds the throughput, however fast segmentation is;
 *   - the 100 queries of bench/search-queries.ts through SearchIndex.search (page 1, 10 hits,
 *     snippets included): one cold pass, then --runs passes; p50/p95 of each query's median;
 *   - the same queries as `LIKE '%…%'` over the items' titles and bodies (one pass), and the ratio;
 *   - PostgreSQL: pg_trgm's trigram GIN indexes built on the titles and bodies, and the same LIKE
 *     queries timed through them (bench/search-trgm.ts), and the ratio.
 * Targets on SQLite: p95 ≤ 20 ms, ≥ 100× faster than LIKE (p50 and p95), indexing ≥ 20,000
 * items/s. On PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a fresh schema): p95 ≤ 20 ms,
 * ≥ 100× LIKE, ≥ 10× LIKE through pg_trgm, indexing ≥ 10,000 items/s. Exit code 0 either way;
 * FAIL is printed loudly.
 *
 * Flags: --items N, --runs N, --seed N, --db sqlite|postgres|both, --like N (how many of the 100
 * queries also run as LIKE, spread evenly; default all), --batch N (reindex batch, default 10000),
 * --load import|direct (direct: the corpus written straight into `items`, importItems not run nor
 * timed — a large PostgreSQL run on a loaded machine), --keep (PostgreSQL: the schema is left for EXPLAIN), --connections N (PostgreSQL: reindex batches written at once, each on its own connection; default 2),
 * --index-order date|id (the order the reindex reads and writes the items in: default date on
 * PostgreSQL, as a site indexes its items as they are published; id on SQLite).
 * --reindex-write upsert|copy (PostgreSQL: the reindex's rows by `insert … on conflict`, or by
 * upsert's COPY path, the index being empty), --segment pool|inplace (the worker threads, or the
 * writing thread), --index-only (stop after the reindex: no queries). The reindex also prints the
 * CPU of this database's PostgreSQL backends per item (bench/pg-backend-cpu.ts, from /proc).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Db, Dialect } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { openTarget, type Target } from './search-db.ts';
import { floorRate, measureFloor } from './search-fts-floor.ts';
import type { IndexOrder, ReindexWays } from './search-load.ts';
import { BENCH_QUERIES, timeLikeQueries } from './search-queries.ts';
import { endProgress, fmt, median, print, progress, type Result } from './search-report.ts';
import { installWriteTimer, timeWrites } from './sqlite-write-timer.ts';

/** PostgreSQL: the trigram indexes built, and the same LIKE queries through them. */
async function timeTrigram(db: Db, indices: readonly number[]): Promise<NonNullable<Result['trigram']>> {
  const { buildTrigramIndexes, timeTrigramLike } = await import('./search-trgm.ts');
  const { buildMs } = await buildTrigramIndexes(db);
  const { ms, plan } = await timeTrigramLike(db, indices);
  console.log(
    `  pg_trgm indexes built in ${fmt(buildMs / 1000)} s; plan of “${BENCH_QUERIES[indices[0]].text}”:`,
  );
  console.log(plan.replace(/^/gm, '    '));
  return { buildMs, like: ms };
}

interface Options {
  items: number;
  runs: number;
  seed: number;
  like: number;
  batch: number;
  /** PostgreSQL: batches upserted at once, each on its own connection (SQLite: always 1) */
  connections: number;
  /** how the corpus gets into `items`: through importItems (default), or written directly */
  load: 'import' | 'direct';
  /** PostgreSQL: leave the schema in place afterwards */
  keep: boolean;
  /** the order the reindex reads and writes the items in (default: date on PostgreSQL, id on SQLite) */
  indexOrder: IndexOrder | undefined;
  /** stop after the reindex (its figures printed): no queries, LIKE or pg_trgm */
  indexOnly: boolean;
  /** how the reindex writes and segments (search-load.ts) */
  how: ReindexWays;
  databases: Dialect[];
  pgUrl: string | null;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      items: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      like: { type: 'string' },
      batch: { type: 'string' },
      connections: { type: 'string' },
      load: { type: 'string' },
      keep: { type: 'boolean' },
      'index-order': { type: 'string' },
      'index-only': { type: 'boolean' },
      'reindex-write': { type: 'string' },
      segment: { type: 'string' },
      db: { type: 'string' },
    },
    strict: true,
  });
  const int = (name: string, value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value.replaceAll('_', ''));
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name}: a whole number ≥ 1, not “${value}”`);
    return n;
  };
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
  const db = values.db ?? (pgUrl ? 'both' : 'sqlite');
  if (!['sqlite', 'postgres', 'both'].includes(db))
    throw new Error(`--db: sqlite, postgres or both, not “${db}”`);
  const databases: Dialect[] = db === 'both' ? ['sqlite', 'postgres'] : [db as Dialect];
  if (databases.includes('postgres') && !pgUrl)
    throw new Error('--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const write = values['reindex-write'] ?? 'upsert';
  if (write !== 'upsert' && write !== 'copy')
    throw new Error(`--reindex-write: upsert or copy, not “${write}”`);
  const segment = values.segment ?? 'pool';
  if (segment !== 'pool' && segment !== 'inplace')
    throw new Error(`--segment: pool or inplace, not “${segment}”`);
  const load = values.load ?? 'import';
  if (load !== 'import' && load !== 'direct') throw new Error(`--load: import or direct, not “${load}”`);
  if (load === 'direct' && databases.includes('sqlite'))
    throw new Error('--load direct writes items with PostgreSQL arrays: use it with --db postgres');
  const indexOrder = values['index-order'];
  if (indexOrder !== undefined && indexOrder !== 'date' && indexOrder !== 'id')
    throw new Error(`--index-order: date or id, not “${indexOrder}”`);
  return {
    indexOrder,
    load,
    keep: values.keep ?? false,
    indexOnly: values['index-only'] ?? false,
    how: { write, segment },
    items: int('items', values.items, 1_000_000),
    runs: int('runs', values.runs, 3),
    seed: int('seed', values.seed, 20240101),
    like: Math.min(BENCH_QUERIES.length, int('like', values.like, BENCH_QUERIES.length)),
    batch: int('batch', values.batch, 10_000),
    connections: int('connections', values.connections, 2),
    databases,
    pgUrl,
  };
}

async function timeQueries(
  db: Db,
  runs: number,
): Promise<{ cold: number[]; warm: number[]; warmCpu: number[]; empty: number }> {
  const index = searchIndexFor(db.dialect);
  const once = async (i: number) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await index.search(db.kysely, { ...BENCH_QUERIES[i], limit: 10, offset: 0 });
    const used = process.cpuUsage(cpu);
    return {
      ms: performance.now() - start,
      cpuMs: (used.user + used.system) / 1000,
      empty: result.hits.length === 0,
    };
  };
  const cold: number[] = [];
  let empty = 0;
  for (let i = 0; i < BENCH_QUERIES.length; i++) {
    const r = await once(i);
    cold.push(r.ms);
    if (r.empty) empty++;
  }
  const samples = BENCH_QUERIES.map((): number[] => []);
  const cpuSamples = BENCH_QUERIES.map((): number[] => []);
  for (let run = 0; run < runs; run++)
    for (let i = 0; i < BENCH_QUERIES.length; i++) {
      const r = await once(i);
      samples[i].push(r.ms);
      cpuSamples[i].push(r.cpuMs);
    }
  return { cold, warm: samples.map(median), warmCpu: cpuSamples.map(median), empty };
}

async function timeLike(db: Db, count: number): Promise<{ like: number[]; indices: number[] }> {
  const step = BENCH_QUERIES.length / count;
  const indices = Array.from({ length: count }, (_, k) => Math.floor(k * step));
  const like = await timeLikeQueries(db, indices, 'scan', progress('LIKE scans'));
  endProgress();
  return { like, indices };
}

async function measure(target: Target, options: Options): Promise<Result | null> {
  const { db } = target;
  console.log(`\n== ${db.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${db.describe}`);
  console.log(`  ${await target.settings()}`);
  await migrateToLatest(db);
  const { createAgencies, importCorpus, insertCorpus, clearIndex, reindex } = await import(
    './search-load.ts'
  );
  await createAgencies(db);
  let start = performance.now();
  const load = options.load === 'direct' ? insertCorpus : importCorpus;
  const imported = await load(db, options.items, options.seed, progress(`loading (${options.load})`));
  const importMs = performance.now() - start;
  endProgress();
  console.log(
    `  ${fmt(imported, 0)} items ${options.load === 'direct' ? 'written directly' : 'imported through importItems'} in ${fmt(importMs / 1000)} s (load average ${fmt(loadavg()[0], 1)})`,
  );
  await target.analyze();
  // PostgreSQL: in date order, as a site's items are published and indexed (the rows' order decides
  // how many pages a search's newest matches are on); SQLite: by id, as its floor writes (FTS5's
  // rowids are date keys whatever the order of the writes).
  const order = options.indexOrder ?? (db.dialect === 'postgres' ? 'date' : 'id');
  start = performance.now();
  await clearIndex(db);
  await target.analyze();
  if (db.dialect === 'sqlite') installWriteTimer();
  const { result: rebuilt, ms: writes } = await timeWrites(() =>
    reindex(
      db,
      options.batch,
      db.dialect === 'postgres' ? options.connections : 1,
      progress('indexing (SearchIndex.upsert)'),
      order,
      options.how,
    ),
  );
  endProgress();
  console.log(
    `  index rebuilt in ${order === 'date' ? 'date' : 'id'} order in ${fmt(rebuilt.passMs / 1000)} s (emptied and checkpointed in ${fmt((performance.now() - start - rebuilt.passMs) / 1000)} s)`,
  );
  if (options.indexOnly) {
    const per = (ms: number) => fmt((ms * 1000) / rebuilt.items, 0);
    console.log(
      `  indexing: ${fmt(rebuilt.items / (rebuilt.upsertMs / 1000), 0)} items/s (SearchIndex.upsert), ${fmt(rebuilt.items / (rebuilt.passMs / 1000), 0)} items/s whole pass; CPU per item: Node ${per(rebuilt.upsertCpuMs)} µs (all threads), PostgreSQL backends ${per(rebuilt.backendCpuMs)} µs; load ${fmt(loadavg()[0], 1)}`,
    );
    return null;
  }
  if (db.dialect === 'sqlite') await printFloor(rebuilt, options);
  await target.analyze();
  const loadAtQueries = loadavg()[0];
  const queries = await timeQueries(db, options.runs);
  const { like, indices } = await timeLike(db, options.like);
  const trigram = db.dialect === 'postgres' ? await timeTrigram(db, indices) : undefined;
  return {
    dialect: db.dialect,
    describe: db.describe,
    imported,
    importMs,
    loadedBy: options.load,
    reindex: rebuilt,
    ...(db.dialect === 'sqlite' ? { sqliteWrites: writes } : {}),
    cold: queries.cold,
    warm: queries.warm,
    warmCpu: queries.warmCpu,
    like,
    likeIndexed: indices.map((i) => queries.warm[i]),
    ...(trigram ? { trigram } : {}),
    loadAtQueries,
    hitsEmpty: queries.empty,
    size: await target.size(),
  };
}

/** SQLite: the one-writer floor (bench/search-fts-floor.ts) on the same items, and upsert's share of it. */
async function printFloor(rebuilt: { items: number; upsertMs: number }, options: Options): Promise<void> {
  const floor = await measureFloor({
    items: rebuilt.items,
    seed: options.seed,
    batch: options.batch,
    onProgress: progress('one-writer floor (bench/search-fts-floor.ts)'),
  });
  endProgress();
  const rate = rebuilt.items / (rebuilt.upsertMs / 1000);
  const ratio = rate / floorRate(floor);
  console.log(
    `  one-writer floor, same run: ${fmt(floorRate(floor), 0)} items/s; SearchIndex.upsert ${fmt(rate, 0)} items/s = ${fmt(100 * ratio, 0)}% of it (target ≥ 85%: ${ratio >= 0.85 ? 'met' : 'NOT met'}; load ${fmt(loadavg()[0], 1)})`,
  );
}

async function main(): Promise<void> {
  const options = parseOptions();
  const results: Result[] = [];
  for (const dialect of options.databases) {
    const target = await openTarget(dialect, options.pgUrl, options.keep);
    try {
      const result = await measure(target, options);
      if (result) results.push(result);
    } finally {
      await target.close();
    }
  }
  let ok = true;
  for (const r of results) ok = print(r, options.runs) && ok;
  if (options.indexOnly) return;
  console.log(ok ? '\nall targets met' : '\n*** FAIL: a target is not met (see above) ***');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
