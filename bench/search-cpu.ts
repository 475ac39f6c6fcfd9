/**
 * `npm run bench:search-cpu`: this process's CPU per PostgreSQL search and per indexed item — the
 * figures the load of a shared machine disturbs least (process.cpuUsage, every thread of the
 * process), beside the load average. The corpus of bench:search (`--items`, default 50,000) is
 * written straight into `items` in a fresh schema, the index rebuilt through SearchIndex.upsert
 * (bench/search-load.ts's reindex), then the 100 queries of bench/search-queries.ts run `--runs`
 * times (page 1, 10 hits, snippets included).
 *
 * Indexing also prints the main thread's busy time per item (its event loop's active time), the
 * part the segmentation workers do not take.
 *
 * Flags: --items N, --runs N (default 5), --seed N, --batch N, --connections N (as bench:search),
 * --profile FILE (a V8 CPU profile of the query runs only, for Chrome DevTools or speedscope),
 * --reuse SCHEMA (a schema kept by an earlier --keep run: no loading nor indexing), --keep.
 * Needs BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { openTarget } from './search-db.ts';
import { clearIndex, createAgencies, insertCorpus, reindex } from './search-load.ts';
import { BENCH_QUERIES } from './search-queries.ts';
import { fmt, median, percentile } from './search-report.ts';

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const load = (): string => fmt(loadavg()[0], 2);

/** The 100 queries `runs` times after one cold pass: each query's median wall and CPU time. */
async function timeQueries(db: Db, runs: number): Promise<{ wall: number[]; cpu: number[] }> {
  const index = searchIndexFor('postgres');
  const wall = BENCH_QUERIES.map((): number[] => []);
  const cpu = BENCH_QUERIES.map((): number[] => []);
  for (let run = 0; run <= runs; run++)
    for (const [i, query] of BENCH_QUERIES.entries()) {
      const start = performance.now();
      const since = process.cpuUsage();
      await index.search(db.kysely, { ...query, limit: 10, offset: 0 });
      if (run === 0) continue;
      cpu[i].push(cpuMs(since));
      wall[i].push(performance.now() - start);
    }
  return { wall: wall.map(median), cpu: cpu.map(median) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      connections: { type: 'string' },
      profile: { type: 'string' },
      reuse: { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('bench:search-cpu needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const items = Number(values.items ?? 50_000);
  const runs = Number(values.runs ?? 5);
  let db: Db;
  let close: () => Promise<void>;
  if (values.reuse) {
    db = openDb(url, { searchPath: values.reuse });
    close = db.close;
    console.log(`schema ${values.reuse} reused (load ${load()})`);
  } else {
    const target = await openTarget('postgres', url, values.keep ?? false);
    db = target.db;
    close = target.close;
    await migrateToLatest(db);
    await createAgencies(db);
    await insertCorpus(db, items, Number(values.seed ?? 20240101));
    await target.analyze();
    await clearIndex(db);
    const since = process.cpuUsage();
    const loop = performance.eventLoopUtilization();
    const rebuilt = await reindex(db, Number(values.batch ?? 10_000), Number(values.connections ?? 2));
    const used = cpuMs(since);
    // the main thread's busy time: the event loop's active time (workers' CPU is not in it)
    const mainMs = performance.eventLoopUtilization(loop).active;
    console.log(
      `indexing ${fmt(rebuilt.items, 0)} items: ${fmt(rebuilt.items / (rebuilt.upsertMs / 1000), 0)} items/s; this process's CPU (all threads) ${fmt((used * 1000) / rebuilt.items, 0)} µs/item over the pass, ${fmt((rebuilt.upsertCpuMs * 1000) / rebuilt.items, 0)} µs/item while upserting; main thread busy ${fmt((mainMs * 1000) / rebuilt.items, 0)} µs/item (load ${load()})`,
    );
    await target.analyze();
  }
  try {
    const session = values.profile ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const { wall, cpu } = await timeQueries(db, runs);
    if (session && values.profile) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(values.profile, JSON.stringify(profile));
      console.log(`CPU profile of the query runs: ${values.profile}`);
    }
    const total = cpu.reduce((a, b) => a + b, 0);
    console.log(
      `search, ${BENCH_QUERIES.length} queries × ${runs} runs: wall p50 ${fmt(median(wall))} / p95 ${fmt(percentile(wall, 95))} ms; this process's CPU p50 ${fmt(median(cpu))} / p95 ${fmt(percentile(cpu, 95))} ms, mean ${fmt(total / cpu.length, 2)} ms per query (load ${load()})`,
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
