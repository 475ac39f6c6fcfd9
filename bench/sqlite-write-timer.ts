/**
 * For `npm run bench:search`: the time better-sqlite3 spends in the index's statements, by kind,
 * while switched on. SQLite has one writer per database, so this time cannot be shared among cores:
 * it bounds the indexing throughput whatever the segmentation costs (the bench prints that bound).
 * better-sqlite3 runs statements synchronously, so wall time around `run`/`all` is SQLite's time.
 */
import SQLite from 'better-sqlite3';

export type WriteKind = 'fts' | 'texts' | 'commit' | 'other';

const totals: Record<WriteKind, number> = { fts: 0, texts: 0, commit: 0, other: 0 };
let on = false;

function kindOf(source: string): WriteKind {
  if (/^\s*commit/i.test(source)) return 'commit';
  if (/search_fts/.test(source)) return 'fts';
  if (/search_texts/.test(source)) return 'texts';
  return 'other';
}

let installed = false;

type Method = (this: SQLite.Statement, ...args: unknown[]) => unknown;

/**
 * Wraps the statements' methods (once per process), on their shared prototype: the dialect keeps
 * its prepared statements (db/sqlite-immediate.ts), so statements prepared before the timer was
 * installed are timed too.
 */
export function installWriteTimer(): void {
  if (installed) return;
  installed = true;
  const probe = new SQLite(':memory:');
  const proto: Record<'run' | 'all' | 'get', Method> = Object.getPrototypeOf(probe.prepare('select 1'));
  probe.close();
  for (const method of ['run', 'all', 'get'] as const) {
    const original = proto[method];
    proto[method] = function (this: SQLite.Statement, ...args: unknown[]) {
      if (!on) return original.apply(this, args);
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        totals[kindOf(this.source)] += performance.now() - start;
      }
    };
  }
}

/** Runs `work` with the timer on; the milliseconds SQLite spent in it, by kind. */
export async function timeWrites<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: Record<WriteKind, number> }> {
  for (const kind of Object.keys(totals) as WriteKind[]) totals[kind] = 0;
  on = true;
  try {
    const result = await work();
    return { result, ms: { ...totals } };
  } finally {
    on = false;
  }
}
