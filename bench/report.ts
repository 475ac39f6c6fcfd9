/**
 * `npm run bench:report`: how long the annual report of a large agency-year takes, against the
 * bare SQL aggregates it is computed from.
 *
 * A synthetic agency (bench/synthetic.ts: 1,000,000 publications and 100,000 requests by default)
 * is loaded through `importRecords`, the path of `gongkai import`, into a fresh database. Then, on
 * the same data, after one warm-up:
 *   (a0) the SQL statements loadReportFacts runs, replayed straight on the driver (captured from
 *        a logging connection: exactly the same text and parameters; no Kysely, no JS around them),
 *   (a)  loadReportFacts: the SQL aggregate queries as the application runs them,
 *   (b)  the whole report: buildAnnualReport (cells, narrative, validation) + renderReportHtml.
 * Targets: (b) ≤ 1.5 × (a), and (b) < 2000 ms on SQLite. The exit code is 0 either way (this is
 * a report); FAIL is printed loudly.
 *
 * Flags: --publications N, --requests N, --runs N (timed repetitions; median and min),
 * --db sqlite|postgres|both (default sqlite, plus postgres when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set), --seed N, --year N, --explain (print each statement's query plan),
 * --no-vacuum (PostgreSQL: skip VACUUM ANALYZE after the load).
 * With several databases each runs in its own child process, so peak RSS is per database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { cliContext } from '../src/cli/command-context.ts';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { importRecords } from '../src/commands/import-records.ts';
import { type Db, type Dialect, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadReportFacts } from '../src/db/queries/report-facts.ts';
import type { Database } from '../src/db/schema.ts';
import { renderReportHtml } from '../src/render/html.ts';
import { syntheticLines } from './synthetic.ts';

const AGENCY = 'bench-agency';
const RATIO_TARGET = 1.5;
const SQLITE_TARGET_MS = 2000;

interface Options {
  publications: number;
  requests: number;
  runs: number;
  seed: number;
  year: number;
  databases: Dialect[];
  explain: boolean;
  vacuum: boolean;
  pgUrl: string | null;
}

interface Timing {
  median: number;
  min: number;
  samples: number[];
}

interface StatementTiming {
  sql: string;
  median: number;
}

/** What one database's run found; sent to the parent process when there are several. */
interface DbResult {
  dialect: Dialect;
  describe: string;
  lines: number;
  loadMs: number;
  vacuumMs: number | null;
  rawSql: Timing;
  facts: Timing;
  report: Timing;
  statements: StatementTiming[];
  htmlBytes: number;
  violations: string[];
  sanity: Record<string, number | string>;
  rssAfterLoadMiB: number;
  rssPeakMiB: number;
}

// ---------------------------------------------------------------------------------------------
// Options

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name}: a whole number ≥ 1, not “${value}”`);
  return n;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      publications: { type: 'string' },
      requests: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      year: { type: 'string' },
      db: { type: 'string' },
      explain: { type: 'boolean', default: false },
      'no-vacuum': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
  let databases: Dialect[];
  switch (values.db) {
    case undefined:
      databases = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
      break;
    case 'sqlite':
    case 'postgres':
      databases = [values.db];
      break;
    case 'both':
      databases = ['sqlite', 'postgres'];
      break;
    default:
      throw new Error(`--db: sqlite, postgres or both, not “${values.db}”`);
  }
  if (databases.includes('postgres') && !pgUrl) {
    throw new Error(
      '--db postgres needs BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g. postgres://postgres@127.0.0.1:5432/test',
    );
  }
  return {
    publications: positive('publications', values.publications, 1_000_000),
    requests: positive('requests', values.requests, 100_000),
    runs: positive('runs', values.runs, 5),
    seed: positive('seed', values.seed, 20240101),
    year: positive('year', values.year, 2024),
    databases,
    explain: values.explain,
    vacuum: !values['no-vacuum'],
    pgUrl,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], samples };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * What to undo on exit (a SQLite file, a PostgreSQL schema, connections), last first. On Ctrl-C
 * only the `abort` steps run: they never wait on work in flight (an import transaction would hold
 * its connection, and its locks, until it ends).
 */
interface Cleanup {
  run: () => Promise<void>;
  abort?: () => Promise<void>;
}
const cleanups: Cleanup[] = [];
let aborting = false;

async function runCleanups(): Promise<void> {
  if (aborting) return;
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup?.run();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

process.once('SIGINT', () => {
  aborting = true;
  console.error('\ninterrupted: cleaning up…');
  // Connections the abort cuts fail as it goes; nothing is left to report about them.
  process.on('uncaughtException', () => {});
  process.on('unhandledRejection', () => {});
  void (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup.abort?.();
      } catch (error) {
        console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })().finally(() => process.exit(130));
});

// ---------------------------------------------------------------------------------------------
// Databases

interface Target {
  /** the database the application code runs on (openDb) */
  db: Db;
  /** a second connection that logs every statement, to capture what loadReportFacts runs */
  logging: (log: (event: LogEvent) => void) => Db;
  /** runs one captured statement straight on the driver */
  raw: (query: CompiledQuery) => Promise<unknown[]>;
  explain: (query: CompiledQuery) => Promise<string[]>;
  vacuum: () => Promise<void>;
}

async function openSqlite(): Promise<Target> {
  const file = join(tmpdir(), `gongkai-bench-${randomBytes(4).toString('hex')}.db`);
  const remove = async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  };
  cleanups.push({ run: remove, abort: remove });
  const db = openDb(`sqlite:${file}`);
  cleanups.push({ run: () => db.close() });
  const direct = new SQLite(file, { readonly: true });
  cleanups.push({ run: async () => void direct.close() });
  const loggers: Db[] = [];
  cleanups.push({
    run: async () => {
      for (const l of loggers) await l.close();
    },
  });
  return {
    db,
    logging: (log) => {
      const database = new SQLite(file, { readonly: true });
      const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }), log });
      const logger: Db = {
        kysely,
        dialect: 'sqlite',
        describe: db.describe,
        url: db.url,
        changes: db.changes,
        close: () => kysely.destroy(),
      };
      loggers.push(logger);
      return logger;
    },
    // As Kysely's SQLite driver does it: prepare, then all() (a statement per call).
    raw: async (query) => direct.prepare(query.sql).all(...(query.parameters as unknown[])),
    explain: async (query) =>
      (
        direct.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{
          detail: string;
        }>
      ).map((r) => r.detail),
    vacuum: async () => {},
  };
}

/** The URL with `application_name` set, so the connections of this run can be found (and cut on Ctrl-C). */
function tagged(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

async function openPostgres(base: string): Promise<Target> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const url = tagged(base, schema);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const drop = async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
  cleanups.push({
    run: drop,
    abort: async () => {
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
        [schema],
      );
      await drop();
    },
  });
  const db = openDb(url, { searchPath: schema });
  cleanups.push({ run: () => db.close() });
  const direct = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await direct.connect();
  cleanups.push({ run: () => direct.end() });
  const loggers: Db[] = [];
  cleanups.push({
    run: async () => {
      for (const l of loggers) await l.close();
    },
  });
  return {
    db: { ...db, describe: `${db.describe} (schema ${schema})` },
    logging: (log) => {
      const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
      const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
      const logger: Db = {
        kysely,
        dialect: 'postgres',
        describe: db.describe,
        url: db.url,
        changes: db.changes,
        close: () => kysely.destroy(),
      };
      loggers.push(logger);
      return logger;
    },
    raw: async (query) =>
      (await direct.query({ text: query.sql, values: query.parameters as unknown[] })).rows,
    explain: async (query) =>
      (
        await direct.query<{ 'QUERY PLAN': string }>({
          text: `explain (analyze, buffers) ${query.sql}`,
          values: query.parameters as unknown[],
        })
      ).rows.map((r) => r['QUERY PLAN']),
    vacuum: async () => {
      for (const table of [
        'publications',
        'requests',
        'request_items',
        'review_cases',
        'normative_documents',
      ]) {
        await direct.query(`vacuum analyze ${table}`);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Load

/** Yields to the event loop now and then, as a file stream does (so Ctrl-C is heard on SQLite too). */
const breather = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function* asAsync(lines: Iterable<string>): AsyncGenerator<string> {
  let n = 0;
  for (const line of lines) {
    if (++n % 10_000 === 0) await breather();
    yield line;
  }
}

async function load(db: Db, options: Options): Promise<{ lines: number; ms: number }> {
  const tty = process.stdout.isTTY;
  const expected = options.publications + options.requests;
  const start = performance.now();
  const lines = asAsync(
    syntheticLines({
      agency: AGENCY,
      year: options.year,
      publications: options.publications,
      requests: options.requests,
      seed: options.seed,
    }),
  );
  const result = await importRecords(cliContext(db, { username: 'bench' }), {
    lines,
    source: 'bench:synthetic',
    progressEvery: 25_000,
    onProgress: tty
      ? (lines) => {
          const seconds = (performance.now() - start) / 1000;
          const rate = lines / seconds;
          process.stdout.write(
            `\r  loading… ${fmt(lines, 0)} / ~${fmt(expected, 0)} lines, ${fmt(seconds)} s, ${fmt(rate, 0)} lines/s   `,
          );
        }
      : undefined,
  });
  const ms = performance.now() - start;
  if (tty) process.stdout.write('\r\x1b[K');
  if (!result.ok) {
    const shown = result.problems.slice(0, 10).map((p) => `  line ${p.line}: ${p.reason}`);
    throw new Error(`the synthetic import was rejected (a bug in bench/synthetic.ts):\n${shown.join('\n')}`);
  }
  return { lines: result.lines, ms };
}

// ---------------------------------------------------------------------------------------------
// Measure

async function captureStatements(target: Target, year: number): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const logger = target.logging((event) => {
    if (event.level === 'query') captured.push(event.query);
  });
  const facts = await loadReportFacts(logger, AGENCY, year);
  if (!facts) throw new Error(`agency ${AGENCY} not found after the load`);
  return captured;
}

async function measure(target: Target, options: Options, dialect: Dialect): Promise<DbResult> {
  const { db } = target;
  console.log(`\n== ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${db.describe}`);
  await migrateToLatest(db);
  const loaded = await load(db, options);
  const rssAfterLoadMiB = maxRssMiB();
  console.log(
    `  loaded ${fmt(loaded.lines, 0)} lines through importRecords in ${fmt(loaded.ms / 1000)} s ` +
      `(${fmt(loaded.lines / (loaded.ms / 1000), 0)} lines/s); peak RSS so far ${fmt(rssAfterLoadMiB, 0)} MiB`,
  );
  let vacuumMs: number | null = null;
  if (dialect === 'postgres' && options.vacuum) {
    vacuumMs = await timed(() => target.vacuum());
    console.log(`  VACUUM ANALYZE (what autovacuum does after a bulk load) in ${fmt(vacuumMs / 1000)} s`);
  } else if (dialect === 'postgres') {
    console.log(
      '  no VACUUM ANALYZE (--no-vacuum): planner statistics and visibility map as left by the load',
    );
  }

  const statements = await captureStatements(target, options.year);
  if (options.explain) {
    for (const [i, statement] of statements.entries()) {
      console.log(`  plan ${i + 1}: ${oneLine(statement.sql).slice(0, 140)}`);
      for (const line of await target.explain(statement)) console.log(`      ${line}`);
    }
  }

  const rawOnce = async (perStatement: number[][]) => {
    for (const [i, statement] of statements.entries()) {
      const start = performance.now();
      await target.raw(statement);
      perStatement[i].push(performance.now() - start);
    }
  };
  const factsOnce = async () => {
    if (!(await loadReportFacts(db, AGENCY, options.year))) throw new Error('no facts');
  };
  let html = '';
  let violations: string[] = [];
  let sanity: Record<string, number | string> = {};
  const reportOnce = async () => {
    const report = await buildAnnualReport(db, AGENCY, options.year);
    if (!report) throw new Error('no report');
    html = renderReportHtml(report);
    violations = report.violations.map((v) => `${v.severity} ${v.code}`);
    sanity = {
      'publications in year': report.charts.publicationsByChannel.reduce((a, d) => a + d.value, 0),
      't3.new.total': report.cells['t3.new.total'],
      't3.carried_in.total': report.cells['t3.carried_in.total'],
      't3.total.total': report.cells['t3.total.total'],
      't3.carried_out.total': report.cells['t3.carried_out.total'],
      't4 totals': ['review', 'suit_direct', 'suit_after_review']
        .map((g) => report.cells[`t4.${g}.total`])
        .join('/'),
    };
  };

  // Warm-up: one of each (page cache, statement plans, JIT).
  const scratch = statements.map((): number[] => []);
  await rawOnce(scratch);
  await factsOnce();
  await reportOnce();

  // Interleaved, so drift on a shared machine hits all three alike.
  const perStatement = statements.map((): number[] => []);
  const raw: number[] = [];
  const facts: number[] = [];
  const report: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    await breather();
    raw.push(await timed(() => rawOnce(perStatement)));
    facts.push(await timed(factsOnce));
    report.push(await timed(reportOnce));
    if (process.stdout.isTTY) process.stdout.write(`\r  timing… run ${run + 1}/${options.runs}`);
  }
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');

  return {
    dialect,
    describe: db.describe,
    lines: loaded.lines,
    loadMs: loaded.ms,
    vacuumMs,
    rawSql: timing(raw),
    facts: timing(facts),
    report: timing(report),
    statements: statements.map((s, i) => ({ sql: oneLine(s.sql), median: timing(perStatement[i]).median })),
    htmlBytes: Buffer.byteLength(html),
    violations,
    sanity,
    rssAfterLoadMiB,
    rssPeakMiB: maxRssMiB(),
  };
}

// ---------------------------------------------------------------------------------------------
// Print

function verdict(ok: boolean): string {
  return ok ? 'PASS' : '*** FAIL ***';
}

function printResult(r: DbResult, options: Options): boolean {
  const name = r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const ratio = r.report.median / r.facts.median;
  const ratioOk = ratio <= RATIO_TARGET;
  const timeOk = r.report.median < SQLITE_TARGET_MS;
  const row = (label: string, t: Timing) =>
    `  ${label.padEnd(44)}${`${fmt(t.median)} ms`.padStart(12)}${`${fmt(t.min)} ms`.padStart(12)}`;
  const lines = [
    '',
    `  ${name} — ${fmt(options.publications, 0)} publications, ${fmt(options.requests, 0)} requests, year ${options.year}, ${options.runs} runs`,
    `  ${'-'.repeat(68)}`,
    `  ${'load (importRecords)'.padEnd(44)}${`${fmt(r.loadMs / 1000)} s`.padStart(12)}   ${fmt(r.lines / (r.loadMs / 1000), 0)} lines/s`,
    ...(r.vacuumMs !== null
      ? [`  ${'VACUUM ANALYZE after load'.padEnd(44)}${`${fmt(r.vacuumMs / 1000)} s`.padStart(12)}`]
      : []),
    `  ${''.padEnd(44)}${'median'.padStart(12)}${'min'.padStart(12)}`,
    row(`(a0) raw SQL on the driver (${r.statements.length} statements)`, r.rawSql),
    row('(a)  loadReportFacts (SQL aggregates)', r.facts),
    row('(b)  buildAnnualReport + renderReportHtml', r.report),
    `  ${'ratio (b)/(a), medians'.padEnd(44)}${fmt(ratio, 2).padStart(12)}`,
    `  ${'JS around the SQL: (a)−(a0), (b)−(a)'.padEnd(44)}${`${fmt(r.facts.median - r.rawSql.median)} ms`.padStart(12)}${`${fmt(r.report.median - r.facts.median)} ms`.padStart(12)}`,
    `  ${'peak RSS (maxRSS), after load / at end'.padEnd(44)}${`${fmt(r.rssAfterLoadMiB, 0)} MiB`.padStart(12)}${`${fmt(r.rssPeakMiB, 0)} MiB`.padStart(12)}`,
    `  ${'HTML'.padEnd(44)}${`${fmt(r.htmlBytes / 1024)} KiB`.padStart(12)}`,
    `  ${`target (b) ≤ ${RATIO_TARGET} × (a)`.padEnd(44)}${verdict(ratioOk).padStart(12)}`,
    r.dialect === 'sqlite'
      ? `  ${`target (b) < ${SQLITE_TARGET_MS} ms`.padEnd(44)}${verdict(timeOk).padStart(12)}`
      : `  ${`(b) < ${SQLITE_TARGET_MS} ms (SQLite target; for information)`.padEnd(44)}${(timeOk ? 'yes' : 'no').padStart(12)}`,
    '',
    '  per statement (a0), median ms:',
    ...r.statements.map(
      (s, i) => `   ${String(i + 1).padStart(2)}. ${fmt(s.median, 2).padStart(9)}  ${s.sql.slice(0, 96)}`,
    ),
    '',
    `  report: ${Object.entries(r.sanity)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  violations: ${r.violations.length === 0 ? 'none' : r.violations.join(', ')}`,
  ];
  console.log(lines.join('\n'));
  return ratioOk && (r.dialect !== 'sqlite' || timeOk);
}

// ---------------------------------------------------------------------------------------------
// Main

async function runOne(options: Options, dialect: Dialect): Promise<DbResult> {
  try {
    const target = dialect === 'sqlite' ? await openSqlite() : await openPostgres(options.pgUrl ?? '');
    return await measure(target, options, dialect);
  } finally {
    await runCleanups();
  }
}

/** Runs one database in a child process (its own peak RSS); resolves with what it measured. */
function runChild(argv: string[], dialect: Dialect): Promise<DbResult> {
  const script = process.argv[1];
  const args = [
    ...process.execArgv,
    script,
    ...argv.filter((a, i) => a !== '--db' && argv[i - 1] !== '--db'),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args.filter((a) => !a.startsWith('--db=')), '--db', dialect], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    let result: DbResult | null = null;
    child.on('message', (message) => {
      result = message as DbResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the ${dialect} run exited with code ${code} and no result`));
    });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (options.databases.length === 1) {
    const result = await runOne(options, options.databases[0]);
    if (process.send) {
      if (process.connected) process.send(result, () => process.disconnect());
    } else {
      const ok = printResult(result, options);
      console.log(ok ? '\nall targets met' : '\n*** FAIL: a target is not met (see above) ***');
    }
    return;
  }
  const results: DbResult[] = [];
  for (const dialect of options.databases) results.push(await runChild(argv, dialect));
  let ok = true;
  for (const result of results) ok = printResult(result, options) && ok;
  console.log(ok ? '\nall targets met' : '\n*** FAIL: a target is not met (see above) ***');
}

main().catch(async (error: unknown) => {
  if (aborting) return; // the Ctrl-C handler cleans up and exits
  await runCleanups();
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
