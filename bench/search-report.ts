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
  reindex: { items: number; upsertMs: number; upsertCpuMs: number; passMs: number };
  /** SQLite: milliseconds SQLite spent in the reindex's statements, by kind (sqlite-write-timer.ts) */
  sqliteWrites?: { fts: number; texts: number; commit: number };
  cold: number[];
  warm: number[];
  /** CPU time of this process per query (median of runs): what the machine's load does not inflate as much */
  warmCpu: number[];
  like: number[];
  likeIndexed: number[];
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

/** Prints one database's table; true when its targets are met (SQLite) or it is informational. */
export function print(r: Result, runs: number): boolean {
  const sqlite = r.dialect === 'sqlite';
  const rate = r.reindex.items / (r.reindex.upsertMs / 1000);
  const p95 = percentile(r.warm, 95);
  const ratio50 = median(r.like) / median(r.likeIndexed);
  const ratio95 = percentile(r.like, 95) / percentile(r.likeIndexed, 95);
  const row = (label: string, value: string, check?: boolean) =>
    `  ${label.padEnd(52)}${value.padStart(16)}${check === undefined ? '' : `  ${sqlite ? verdict(check) : check ? '(met)' : '(not met)'}`}`;
  console.log(
    [
      '',
      `  ${sqlite ? 'SQLite' : 'PostgreSQL'} — ${fmt(r.imported, 0)} items, ${BENCH_QUERIES.length} queries, ${runs} runs`,
      `  ${'-'.repeat(80)}`,
      row(
        'import through importItems (incl. its indexing)',
        `${fmt(r.imported / (r.importMs / 1000), 0)} items/s`,
      ),
      row('indexing: SearchIndex.upsert (target ≥ 20,000)', `${fmt(rate, 0)} items/s`, rate >= 20_000),
      row(
        'indexing: CPU time of upsert, all threads',
        `${fmt((r.reindex.upsertCpuMs * 1000) / r.reindex.items, 0)} µs/item`,
      ),
      ...writeRows(r, row),
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
      row('queries with no hit', String(r.hitsEmpty)),
      row('database size', r.size),
      row('load average (1 min) at the end, cores', `${fmt(loadavg()[0], 1)}, ${availableParallelism()}`),
    ].join('\n'),
  );
  return !sqlite || (rate >= 20_000 && p95 <= 20 && ratio50 >= 100 && ratio95 >= 100);
}
