/**
 * `npx tsx bench/search-pg-statements.ts SCHEMA [--runs N] [--explain N]`: where a PostgreSQL
 * search's time goes, on a schema `npm run bench:search -- --db postgres --keep` left. The 100
 * queries of bench/search-queries.ts run through SearchIndex.search (page 1, 10 hits) once cold,
 * then `--runs` times (default 3); every statement is logged by Kysely (its text and the time from
 * sending it to its last row). Printed: each query's median wall time and statements, p50/p95,
 * the statements per query, and the time per kind of statement (warm runs); with `--explain N`,
 * EXPLAIN (ANALYZE, BUFFERS) of the N slowest warm statements; with `--buffers`, each query's
 * statements of the last run explained again: the shared buffers they read (hit or not; and of
 * them, those not found in shared buffers, read from the OS) and the
 * server's execution time — what the machine's load changes least. BENCH_DATABASE_URL or
 * TEST_DATABASE_URL.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect } from 'kysely';
import { openDb } from '../src/db/connection.ts';
import type { Database } from '../src/db/schema.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { BENCH_QUERIES } from './search-queries.ts';
import { fmt, median, percentile } from './search-report.ts';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string' }, explain: { type: 'string' }, buffers: { type: 'boolean' } },
  allowPositionals: true,
});
const schema = positionals[0];
const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!schema || !url)
  throw new Error('usage: BENCH_DATABASE_URL=… npx tsx bench/search-pg-statements.ts SCHEMA');
const runs = Number(values.runs ?? 3);
const explainCount = Number(values.explain ?? 0);

interface Logged {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}
let log: Logged[] = [];
const db = openDb(url, { searchPath: schema });
if (!db.pool) throw new Error('not a PostgreSQL database');
// The same pool (its connections prepare statements as the application's do), with a logger.
const kysely = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: db.pool }),
  log: (event: LogEvent) => {
    log.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  },
});

/** What a statement is, from its text. */
function kindOf(text: string): string {
  if (text.includes('search_meta')) return 'count cache instance';
  if (text.includes('count(*)')) return 'group count';
  if (text.includes('max(published_on)')) return 'month range';
  if (text.includes('search_newest')) return 'newest (function, texts)';
  if (text.includes('search_texts')) return 'stored texts';
  if (text.includes('materialized')) return 'month window';
  if (text.includes('search_documents')) return 'one query / the rest';
  return text.slice(0, 40);
}

const index = searchIndexFor('postgres');
const wall = BENCH_QUERIES.map((): number[] => []);
const statements = BENCH_QUERIES.map((): number[] => []);
const byKind = new Map<string, { n: number; ms: number }>();
const slow: Logged[] = [];
const last = BENCH_QUERIES.map((): Logged[] => []);
for (let run = 0; run <= runs; run++)
  for (const [i, query] of BENCH_QUERIES.entries()) {
    log = [];
    const start = performance.now();
    await index.search(kysely, { ...query, limit: 10, offset: 0 });
    const ms = performance.now() - start;
    if (run === 0) continue;
    wall[i].push(ms);
    statements[i].push(log.length);
    if (run === runs) last[i] = [...log];
    for (const s of log) {
      const kind = kindOf(s.sql);
      const k = byKind.get(kind) ?? { n: 0, ms: 0 };
      byKind.set(kind, { n: k.n + 1, ms: k.ms + s.ms });
      slow.push(s);
    }
  }
const medians = wall.map(median);
const perQuery = statements.map(median);
const order = medians.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms);
for (const { ms, i } of order.slice(0, 15)) {
  const q = BENCH_QUERIES[i];
  const filters = Object.entries(q)
    .filter(([k]) => k !== 'text')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  console.log(
    `${fmt(ms).padStart(7)} ms  ${String(perQuery[i]).padStart(2)} statements  ${q.text} ${filters}`,
  );
}
const samples = runs * BENCH_QUERIES.length;
console.log(`\nkind of statement: count per query, mean ms per query (warm, ${runs} runs)`);
for (const [kind, k] of [...byKind].sort((a, b) => b[1].ms - a[1].ms))
  console.log(
    `  ${kind.padEnd(24)} ${fmt(k.n / samples, 2).padStart(6)}  ${fmt(k.ms / samples, 2).padStart(7)} ms`,
  );
console.log(
  `\nsearch p50 ${fmt(median(medians))} / p95 ${fmt(percentile(medians, 95))} ms; statements per query mean ${fmt(
    perQuery.reduce((a, b) => a + b, 0) / perQuery.length,
    2,
  )}, max ${Math.max(...perQuery)} (load average ${loadavg()
    .map((l) => fmt(l, 2))
    .join(' ')})`,
);

slow.sort((a, b) => b.ms - a.ms);
for (const s of slow.slice(0, explainCount)) {
  const plan = await kysely.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, buffers) ${s.sql}`, [...s.parameters]),
  );
  console.log(`\n-- ${fmt(s.ms)} ms: ${s.sql.replace(/\s+/g, ' ')}`);
  console.log(`   ${JSON.stringify(s.parameters).slice(0, 300)}`);
  for (const row of plan.rows) console.log(`   ${row['QUERY PLAN']}`);
}
if (values.buffers) {
  const per: Array<{ i: number; buffers: number; read: number; ms: number }> = [];
  for (const [i, list] of last.entries()) {
    let buffers = 0;
    let read = 0;
    let ms = 0;
    for (const s of list) {
      if (!/^\s*(select|with)/i.test(s.sql)) continue;
      const { rows } = await kysely.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (analyze, buffers, format json) ${s.sql}`, [...s.parameters]),
      );
      const plan = JSON.stringify(rows[0]?.['QUERY PLAN'] ?? '');
      const missed = Number(/"Shared Read Blocks":\s*(\d+)/.exec(plan)?.[1] ?? 0);
      buffers += Number(/"Shared Hit Blocks":\s*(\d+)/.exec(plan)?.[1] ?? 0) + missed;
      read += missed;
      ms += Number(/"Execution Time":\s*([\d.]+)/.exec(plan)?.[1] ?? 0);
    }
    per.push({ i, buffers, read, ms });
  }
  console.log('\nshared buffers per query (its statements explained again), most first:');
  for (const { i, buffers, read, ms } of [...per].sort((a, b) => b.buffers - a.buffers).slice(0, 15))
    console.log(
      `  ${String(buffers).padStart(7)} buffers (${String(read).padStart(6)} read) ${fmt(ms).padStart(7)} ms  ${BENCH_QUERIES[i].text}`,
    );
  const all = per.map((p) => p.buffers);
  const reads = per.map((p) => p.read);
  const times = per.map((p) => p.ms);
  console.log(
    `buffers per query p50 ${median(all)} / p95 ${percentile(all, 95)}, mean ${fmt(all.reduce((a, b) => a + b, 0) / all.length, 0)}; of them read (not in shared buffers) p50 ${median(reads)} / p95 ${percentile(reads, 95)}, mean ${fmt(reads.reduce((a, b) => a + b, 0) / reads.length, 0)}; server execution p50 ${fmt(median(times))} / p95 ${fmt(percentile(times, 95))} ms (load ${fmt(loadavg()[0], 2)})`,
  );
}
await kysely.destroy();
