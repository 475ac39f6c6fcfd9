/**
 * Simulated citizens filing online requests against a server child process (bench/submit-server.ts),
 * and the check afterwards that every acknowledged submission is stored exactly once. Shared by
 * `npm run bench:submit` and the tests of test/sqlite-busy.test.ts and test/kill-server.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { type Db, openDb } from '../src/db/connection.ts';
import { normalizeTrackingCode } from '../src/domain/requests/identifiers.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A scratch database for server and import children: its URLs, removed by `cleanup`. */
export interface ScratchDatabase {
  name: string;
  url: string;
  /** PostgreSQL: the schema the server child (BENCH_SEARCH_PATH) and `open` pin to */
  searchPath?: string;
  /** the URL a `gongkai` child opens (PostgreSQL: the schema in the connection options) */
  importUrl: string;
  /** env of a server child on it */
  serverEnv: Record<string, string>;
  open(): Db;
  cleanup(): Promise<void>;
}

/** A SQLite file in a new temporary folder. */
export async function scratchSqlite(name = 'SQLite'): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-scratch-'));
  const url = `sqlite:${join(dir, 'scratch.db')}`;
  return {
    name,
    url,
    importUrl: url,
    serverEnv: { DATABASE_URL: url, BENCH_SEARCH_PATH: '' },
    open: () => openDb(url),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A new schema in the PostgreSQL database at `url`, dropped by `cleanup`. */
export async function scratchPostgres(url: string, name = 'PostgreSQL'): Promise<ScratchDatabase> {
  const schema = `gk_scratch_${process.pid}_${Date.now().toString(36)}`;
  const admin = openDb(url);
  await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
  const separator = url.includes('?') ? '&' : '?';
  return {
    name,
    url,
    searchPath: schema,
    importUrl: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    serverEnv: { DATABASE_URL: url, BENCH_SEARCH_PATH: schema },
    open: () => openDb(url, { searchPath: schema }),
    cleanup: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely);
      await admin.close();
    },
  };
}

/** Spawns `gongkai import FILE` on `url`; the child, and its exit code with its last stderr lines. */
export function spawnImport(url: string, file: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/gongkai.js', 'import', file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const done = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    said: err.trim().split('\n').slice(-3).join(' / '),
    ms: performance.now() - started,
  }));
  return { child, done };
}

/** Runs `gongkai import FILE` as its own process to the end. */
export function runImport(url: string, file: string) {
  return spawnImport(url, file).done;
}

/** One submission: its marker (stored in `information`), the answer's status, time and receipt. */
export interface Submission {
  marker: string;
  /** HTTP status; 0 when no answer came (connection refused or reset) */
  status: number;
  ms: number;
  trackingCode?: string;
  retryAfter?: string;
}

export interface ServerChild {
  base: string;
  child: ChildProcess;
  /** SIGTERM and wait for the exit */
  stop(): Promise<void>;
}

/** Starts bench/submit-server.ts with `env` (DATABASE_URL, BENCH_*) and waits for its port. */
export async function startServer(env: Record<string, string>): Promise<ServerChild> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []),
      '--import',
      'tsx',
      'bench/submit-server.ts',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`submit-server exited with ${code}: ${err}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The body of one online request; `marker` makes it findable (and countable) in the database. */
export function submissionBody(marker: string, n: number) {
  return {
    applicantType: 'natural_person',
    applicant: {
      name: `压测申请人${n}`,
      idType: 'passport',
      idNumber: `E${String(10_000_000 + (n % 89_999_999))}`,
      phone: '13800138000',
      address: '威海市临港区测试路1号',
      information: marker,
      form: 'paper',
      delivery: 'post',
    },
  };
}

/**
 * `clients` loops, each filing one request after another until `running()` turns false. Each
 * submission's marker is `${prefix} c${client} n${n}`. `path` is the online route (or the bench's
 * baseline route, whose body is ignored).
 */
export async function runSubmitters(input: {
  base: string;
  path: string;
  clients: number;
  prefix: string;
  running: () => boolean;
  timeoutMs?: number;
  /** told of each submission once it is answered (or not) */
  answered?: (submission: Submission) => void;
}): Promise<Submission[]> {
  const results: Submission[] = [];
  let serial = 0;
  const loop = async (client: number) => {
    for (let n = 0; input.running(); n++) {
      const marker = `${input.prefix} c${client} n${n}`;
      const started = performance.now();
      const submission: Submission = { marker, status: 0, ms: 0 };
      try {
        const response = await fetch(`${input.base}${input.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(submissionBody(marker, ++serial)),
          signal: AbortSignal.timeout(input.timeoutMs ?? 120_000),
        });
        submission.status = response.status;
        submission.retryAfter = response.headers.get('retry-after') ?? undefined;
        const body = (await response.json()) as { trackingCode?: string };
        if (response.ok && body.trackingCode) submission.trackingCode = body.trackingCode;
      } catch {
        // no answer (the server was killed, or the connection reset): not acknowledged
        submission.status = 0;
      }
      submission.ms = performance.now() - started;
      results.push(submission);
      input.answered?.(submission);
    }
  };
  await Promise.all(Array.from({ length: input.clients }, (_, i) => loop(i)));
  return results;
}

/** What the database holds of a run's submissions. */
export interface StoredCheck {
  /** 2xx answers with a receipt */
  receipts: number;
  /** receipts whose request is in the database with the submission's marker */
  stored: number;
  /** receipts whose request is not there */
  missing: number;
  /** markers stored more than once */
  duplicates: number;
  /** requests stored for a submission answered 4xx/5xx (a refusal must store nothing) */
  storedAfterRefusal: number;
  /** requests stored for a submission that got no answer (allowed: committed, then killed) */
  storedUnanswered: number;
}

/** Checks `submissions` (markers starting with `prefix`) against the requests table. */
export async function checkStored(db: Db, prefix: string, submissions: Submission[]): Promise<StoredCheck> {
  const rows = await db.kysely
    .selectFrom('requests')
    .select(['information', 'tracking_code'])
    .where('information', 'like', `${prefix} %`)
    .execute();
  const byMarker = new Map<string, string[]>();
  for (const row of rows) {
    const list = byMarker.get(row.information ?? '') ?? [];
    list.push(row.tracking_code ?? '');
    byMarker.set(row.information ?? '', list);
  }
  const check: StoredCheck = {
    receipts: 0,
    stored: 0,
    missing: 0,
    duplicates: 0,
    storedAfterRefusal: 0,
    storedUnanswered: 0,
  };
  for (const list of byMarker.values()) if (list.length > 1) check.duplicates++;
  for (const s of submissions) {
    const found = byMarker.get(s.marker) ?? [];
    if (s.trackingCode) {
      check.receipts++;
      // the receipt shows the code grouped for reading out (7KX4-9MPQ-2RTB); it is stored without dashes
      if (found.includes(normalizeTrackingCode(s.trackingCode) ?? s.trackingCode)) check.stored++;
      else check.missing++;
    } else if (s.status === 0) check.storedUnanswered += found.length;
    else check.storedAfterRefusal += found.length;
  }
  return check;
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
