/**
 * `npx tsx bench/search-pg-windows.ts SCHEMA`: on a schema `npm run bench:search -- --db postgres
 * --keep` left, the newest 1,001 matches of the bench's words found two ways, interleaved, each the
 * median of 5: one `tsv @@ q order by published_on desc, item_id desc limit 1001` over the GIN
 * index (the design before month windows), and postgresMatches' month windows
 * (src/search/postgres-matches.ts) — with the shared buffers each read (EXPLAIN ANALYZE BUFFERS,
 * which the machine's load does not change). BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
import { type Kysely, sql } from 'kysely';
import { openDb } from '../src/db/connection.ts';
import type { Database } from '../src/db/schema.ts';
import { postgresMatches } from '../src/search/postgres-matches.ts';
import { parseQuery, toTsQuery } from '../src/search/query.ts';
import { BENCH_QUERIES } from './search-queries.ts';
import { fmt, median, percentile } from './search-report.ts';

const schema = process.argv[2];
const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!schema || !url) throw new Error('usage: BENCH_DATABASE_URL=… npx tsx bench/search-pg-windows.ts SCHEMA');
const db = openDb(url, { searchPath: schema });
const kysely: Kysely<Database> = db.kysely;

/** Shared buffers hit + read by one statement (EXPLAIN ANALYZE BUFFERS). */
async function buffersOf(statement: string): Promise<number> {
  const { rows } = await sql<{
    'QUERY PLAN': unknown;
  }>`explain (analyze, buffers, format json) ${sql.raw(statement)}`.execute(kysely);
  const plan = JSON.stringify(rows[0]?.['QUERY PLAN'] ?? '');
  const hit = /"Shared Hit Blocks":\s*(\d+)/.exec(plan);
  const read = /"Shared Read Blocks":\s*(\d+)/.exec(plan);
  return Number(hit?.[1] ?? 0) + Number(read?.[1] ?? 0);
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const texts = BENCH_QUERIES.filter((q) => Object.keys(q).length === 1).map((q) => q.text);
const rows: Array<{ text: string; oneMs: number; windowsMs: number; oneBuffers: number }> = [];
for (const text of texts) {
  const parsed = parseQuery(text);
  if (parsed.groups.length === 0) continue;
  const one = `select item_id, published_on from search_documents where tsv @@ ${literal(toTsQuery(parsed))}::tsquery
    order by published_on desc, item_id desc limit 1001`;
  const source = postgresMatches(kysely, parsed, { text, limit: 10, offset: 0 }, '&');
  const oneMs: number[] = [];
  const windowsMs: number[] = [];
  let same = true;
  for (let run = 0; run < 5; run++) {
    let start = performance.now();
    const a = await sql<{ item_id: number }>`${sql.raw(one)}`.execute(kysely);
    oneMs.push(performance.now() - start);
    start = performance.now();
    const b = await source.newest(1001);
    windowsMs.push(performance.now() - start);
    same &&= a.rows.map((r) => Number(r.item_id)).join() === b.map((c) => c.id).join();
  }
  if (!same) throw new Error(`“${text}”: the month windows gave other matches than one query`);
  rows.push({ text, oneMs: median(oneMs), windowsMs: median(windowsMs), oneBuffers: await buffersOf(one) });
}
for (const r of rows)
  console.log(
    `${r.text.padEnd(12)} one query ${fmt(r.oneMs, 1).padStart(8)} ms (${r.oneBuffers} buffers)   windows ${fmt(r.windowsMs, 1).padStart(7)} ms`,
  );
const one = rows.map((r) => r.oneMs);
const windows = rows.map((r) => r.windowsMs);
console.log(
  `\n${rows.length} queries: one query p50 ${fmt(median(one), 1)} / p95 ${fmt(percentile(one, 95), 1)} ms; month windows p50 ${fmt(median(windows), 1)} / p95 ${fmt(percentile(windows, 95), 1)} ms (identical matches)`,
);
await db.close();
