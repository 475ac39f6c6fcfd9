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

/** Wraps every statement prepared from now on (once per process). */
export function installWriteTimer(): void {
  if (installed) return;
  installed = true;
  const proto = SQLite.prototype as unknown as { prepare: (source: string) => SQLite.Statement };
  const prepare = proto.prepare;
  proto.prepare = function (this: SQLite.Database, source: string) {
    const statement = prepare.call(this, source);
    const kind = kindOf(source);
    const wrapped = statement as unknown as Record<'run' | 'all' | 'get', (...args: unknown[]) => unknown>;
    for (const method of ['run', 'all', 'get'] as const) {
      const original = wrapped[method].bind(statement);
      wrapped[method] = (...args: unknown[]) => {
        if (!on) return original(...args);
        const start = performance.now();
        try {
          return original(...args);
        } finally {
          totals[kind] += performance.now() - start;
        }
      };
    }
    return statement;
  };
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
