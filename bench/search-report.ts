/** The printed table of `npm run bench:search`, and its number helpers. */
import { availableParallelism, loadavg } from 'node:os';
import { BENCH_QUERIES } from './search-queries.ts';

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = (samples: number[]): number => percentile(samples, 50);

export const progress = (label: string) => (n: number) => {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${label}… ${fmt(n, 0)}   `);
};
export const endProgress = () => {
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
};

/** What one database's run measured. */
export interface Result {
  dialect: 'sqlite' | 'postgres';
  describe: string;
  imported: number;
  importMs: number;
  loadedBy: 'import' | 'direct';
  /** backendCpuMs: PostgreSQL's backends of this database during the pass (/proc; 0 on SQLite) */
  reindex: { items: number; upsertMs: number; upsertCpuMs: number; passMs: number; backendCpuMs: number };
  /** SQLite: milliseconds SQLite spent in the reindex's statements, by kind (sqlite-write-timer.ts) */
  sqliteWrites?: { fts: number; texts: number; commit: number };
  cold: number[];
  warm: number[];
  /** CPU time of this process per query (median of runs): what the machine's load does not inflate as much */
  warmCpu: number[];
  like: number[];
  likeIndexed: number[];
  /** PostgreSQL: pg_trgm's indexes, their build time and the same LIKE queries through them */
  trigram?: { buildMs: number; like: number[] };
  /** the 1-minute load average when the queries began */
  loadAtQueries: number;
  hitsEmpty: number;
  size: string;
}

/**
 * SQLite's own time writing the index, per item, and the throughput that time alone allows: one
 * writer per database, so no number of segmentation threads gets past it.
 */
function writeRows(r: Result, row: (label: string, value: string) => string): string[] {
  if (!r.sqliteWrites) return [];
  const per = (ms: number) => (ms * 1000) / r.reindex.items;
  const { fts, commit, texts } = r.sqliteWrites;
  const total = per(fts + commit + texts);
  return [
    row('  SQLite itself: FTS5 insert + its commit', `${fmt(per(fts), 0)} + ${fmt(per(commit), 0)} µs/item`),
    row('  SQLite itself: search_texts', `${fmt(per(texts), 0)} µs/item`),
    row('  bound of one SQLite writer at that cost', `${fmt(1e6 / total, 0)} items/s`),
  ];
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : '*** FAIL ***');

/** The targets of each database (docs/search.md). */
const TARGETS = {
  sqlite: { indexing: 20_000, p95: 20, like: 100 },
  postgres: { indexing: 10_000, p95: 20, like: 100, trigram: 10 },
};

/** PostgreSQL's rows for LIKE through pg_trgm; `checks` gets each target's verdict. */
function trigramRows(
  r: Result,
  row: (l: string, v: string, c?: boolean) => string,
  checks: boolean[],
): string[] {
  if (!r.trigram) return [];
  const { like, buildMs } = r.trigram;
  const ratio50 = median(like) / median(r.likeIndexed);
  const ratio95 = percentile(like, 95) / percentile(r.likeIndexed, 95);
  checks.push(ratio50 >= TARGETS.postgres.trigram, ratio95 >= TARGETS.postgres.trigram);
  return [
    row('pg_trgm GIN indexes (title, body): build time', `${fmt(buildMs / 1000)} s`),
    row(`LIKE through pg_trgm p50 (${like.length} queries)`, `${fmt(median(like), 1)} ms`),
    row('LIKE through pg_trgm p95', `${fmt(percentile(like, 95), 1)} ms`),
    row('ratio pg_trgm LIKE / search, p50 (target ≥ 10×)', `${fmt(ratio50, 0)}×`, ratio50 >= 10),
    row('ratio pg_trgm LIKE / search, p95 (target ≥ 10×)', `${fmt(ratio95, 0)}×`, ratio95 >= 10),
  ];
}

/** Prints one database's table; true when its targets are met. */
export function print(r: Result, runs: number): boolean {
  const sqlite = r.dialect === 'sqlite';
  const targets = TARGETS[r.dialect];
  const rate = r.reindex.items / (r.reindex.upsertMs / 1000);
  const p95 = percentile(r.warm, 95);
  const ratio50 = median(r.like) / median(r.likeIndexed);
  const ratio95 = percentile(r.like, 95) / percentile(r.likeIndexed, 95);
  const row = (label: string, value: string, check?: boolean) =>
    `  ${label.padEnd(52)}${value.padStart(16)}${check === undefined ? '' : `  ${verdict(check)}`}`;
  const checks = [
    rate >= targets.indexing,
    p95 <= targets.p95,
    ratio50 >= targets.like,
    ratio95 >= targets.like,
  ];
  console.log(
    [
      '',
      `  ${sqlite ? 'SQLite' : 'PostgreSQL'} — ${fmt(r.imported, 0)} items, ${BENCH_QUERIES.length} queries, ${runs} runs`,
      `  ${'-'.repeat(80)}`,
      row(
        r.loadedBy === 'import'
          ? 'import through importItems (incl. its indexing)'
          : 'items written directly (--load direct)',
        `${fmt(r.imported / (r.importMs / 1000), 0)} items/s`,
      ),
      row(
        `indexing: SearchIndex.upsert (target ≥ ${fmt(targets.indexing, 0)})`,
        `${fmt(rate, 0)} items/s`,
        rate >= targets.indexing,
      ),
      row(
        'indexing: CPU time of upsert, all threads',
        `${fmt((r.reindex.upsertCpuMs * 1000) / r.reindex.items, 0)} µs/item`,
      ),
      ...writeRows(r, row),
      ...(sqlite
        ? []
        : [
            row(
              'indexing: CPU of PostgreSQL backends, whole pass',
              `${fmt((r.reindex.backendCpuMs * 1000) / r.reindex.items, 0)} µs/item`,
            ),
          ]),
      row(
        'indexing: whole pass, reads included',
        `${fmt(r.reindex.items / (r.reindex.passMs / 1000), 0)} items/s`,
      ),
      row('search p50 (median of runs per query)', `${fmt(median(r.warm), 2)} ms`),
      row('search p95 (target ≤ 20 ms)', `${fmt(p95, 2)} ms`, p95 <= 20),
      row(
        'search CPU time p50 / p95',
        `${fmt(median(r.warmCpu), 2)} / ${fmt(percentile(r.warmCpu, 95), 2)} ms`,
      ),
      row('search p95, first (cold) pass', `${fmt(percentile(r.cold, 95), 2)} ms`),
      row('search max', `${fmt(Math.max(...r.warm), 2)} ms`),
      row(`LIKE scan p50 (${r.like.length} queries)`, `${fmt(median(r.like), 1)} ms`),
      row('LIKE scan p95', `${fmt(percentile(r.like, 95), 1)} ms`),
      row('ratio LIKE / search, p50 (target ≥ 100×)', `${fmt(ratio50, 0)}×`, ratio50 >= 100),
      row('ratio LIKE / search, p95 (target ≥ 100×)', `${fmt(ratio95, 0)}×`, ratio95 >= 100),
      ...trigramRows(r, row, checks),
      row('queries with no hit', String(r.hitsEmpty)),
      row('database size', r.size),
      row('load average (1 min) as the queries began', fmt(r.loadAtQueries, 1)),
      row('load average (1 min) at the end, cores', `${fmt(loadavg()[0], 1)}, ${availableParallelism()}`),
    ].join('\n'),
  );
  return checks.every(Boolean);
}
