/**
 * `npm run bench:supervision` (issue 15): the supervisor's reads and the daily inspection at province
 * scale, each next to the bare aggregate SQL that counts the same rows, measured in the same run.
 *
 * A province is generated (bench/supervision-data.ts: 2,000 agencies in a 4-level tree, 10M
 * publications, 1M requests on PostgreSQL; 200 agencies, 1M publications, 100k requests on SQLite)
 * into a database of its own — `bench_supervision` on the PostgreSQL server of BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432), a temporary file on SQLite — migrated by the
 * project's migrator. Then, through the real server (fastify inject, a signed-in 监督人员 of the
 * province): the province's 工作台, a leaf agency's 工作台 and its request list's first page, the
 * region statistics of a city, and `gongkai inspect --all` (its code path: every agency inspected
 * and stored). Each read is run --runs times after a warm-up: median and p95, the baseline's median
 * and the ratio. Targets: the province's 工作台 < 1 s, a leaf's drill-down < 200 ms, the inspection of
 * every agency < 10 minutes (the issue's, stated for 2,000 agencies). The 工作台's totals are checked
 * against the baseline's (a wrong figure fails the run, whatever its speed).
 *
 * Flags: --agencies N, --publications N, --requests N (defaults per database as above), --db
 * sqlite|pg|both (default both when a PostgreSQL server is configured, else sqlite), --runs N (5),
 * --keep (keep the generated database and reuse it when its sizes match: PostgreSQL's
 * `bench_supervision`, SQLite's file in the temp folder), --only TEXT (only the rows whose name holds it).
 *
 * The 工作台 and the statistics read counts kept ahead (docs/supervision.md “Counts kept ahead”): the
 * province's 工作台 is measured with nothing kept (every agency counted while the reader waits), kept,
 * and with one agency changed before each read (counted again); the nightly recount (every agency's
 * counts of two years and report cells of last year) once, then the province's statistics from them.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createCalendarService } from '../src/calendar/calendar-service.ts';
import { inspectCommand } from '../src/cli/inspect.ts';
import type { CliIo } from '../src/cli/io.ts';
import { clockOf } from '../src/commands/context.ts';
import { recountKept } from '../src/commands/supervision/recount-kept.ts';
import type { SupervisionOverview } from '../src/contract/supervision.ts';
import { type Db, openDb } from '../src/db/connection.ts';
import { appendEvent } from '../src/db/events.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server/app.ts';
import { signInAs } from '../src/server/testing.ts';
import { baselines } from './supervision-baseline.ts';
import { generate, generatedSizes, type Sizes, SUPERVISOR, TODAY, YEAR } from './supervision-data.ts';

export interface Measured {
  name: string;
  runs: number[];
  baseline: number[];
  /** the target in ms, or null when the issue sets none */
  targetMs: number | null;
}

export interface BenchResult {
  database: string;
  sizes: Sizes;
  rows: Measured[];
  /** the figures of the 工作台 that differ from the baseline's (none: they agree) */
  disagreements: string[];
}

export const DEFAULTS: Record<'sqlite' | 'pg', Sizes> = {
  pg: { agencies: 2000, publications: 10_000_000, requests: 1_000_000 },
  sqlite: { agencies: 200, publications: 1_000_000, requests: 100_000 },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? 0;

async function timed(
  work: () => Promise<unknown>,
  runs: number,
  before?: () => Promise<unknown>,
): Promise<number[]> {
  if (runs > 1) {
    await before?.();
    await work(); // warm-up, not counted (a single run is measured cold: the inspection, the nightly recount)
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(); // not counted either
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const sink: CliIo = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: process.stdin,
  env: { USER: 'bench' },
};

/** Generates (unless kept with these sizes) and measures one database. */
export async function measure(
  db: Db,
  sizes: Sizes,
  options: { runs: number; only?: string; log: (line: string) => void },
): Promise<BenchResult> {
  const { log } = options;
  await migrateToLatest(db);
  const found = await generatedSizes(db);
  if (found === null) {
    log(
      `generating ${sizes.agencies} agencies, ${sizes.publications} publications, ${sizes.requests} requests…`,
    );
    await generate(db, sizes, log);
  } else log(`reusing the kept database: ${JSON.stringify(found)}`);
  const actual = (await generatedSizes(db)) ?? sizes;
  const filesDir = await mkdtemp(join(tmpdir(), 'gongkai-bench-files-'));
  const app = await buildServer({ db, filesDir, now: () => new Date(`${TODAY}T02:00:00Z`), logger: false });
  await app.ready();
  try {
    const { headers } = await signInAs(app, SUPERVISOR.username, SUPERVISOR.password);
    const get = async (url: string) => {
      const res = await app.inject({ url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    const ids = async (code: string) =>
      Number(
        (
          await db.kysely
            .selectFrom('agencies')
            .select('id')
            .where('code', '=', code)
            .executeTakeFirstOrThrow()
        ).id,
      );
    const leaf = await db.kysely
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('level', '=', 'department')
      .where('code', 'like', '%-x%')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const province = await ids('sheng');
    const city = await ids('c01');
    const base = baselines(db, TODAY, YEAR);
    const rows: Measured[] = [];
    const row = async (
      name: string,
      targetMs: number | null,
      work: () => Promise<unknown>,
      floor: () => Promise<unknown>,
      runs = options.runs,
      before?: () => Promise<unknown>,
    ) => {
      if (options.only && !name.includes(options.only)) return;
      log(`${name}…`);
      rows.push({
        name,
        targetMs,
        runs: await timed(work, runs, before),
        baseline: await timed(floor, runs),
      });
    };
    const provinceOverview = () => get(`/api/v1/agencies/sheng/supervision?year=${YEAR}`);
    // nothing kept: every agency counted while the reader waits (a new installation, a new year)
    await row(
      '工作台: the province, none kept',
      null,
      provinceOverview,
      () => base.overview(province),
      3,
      () =>
        db.kysely.deleteFrom('kept_counts').where('kind', '=', 'overview').where('year', '=', YEAR).execute(),
    );
    await row('工作台: the province (kept)', 1000, provinceOverview, () => base.overview(province));
    // one agency's records changed since (an event of it): that agency counted again while the reader waits
    let changes = 0;
    await row(
      '工作台: the province, 1 changed',
      1000,
      provinceOverview,
      () => base.overview(province),
      options.runs,
      () =>
        appendEvent(db.kysely, {
          name: 'items.published',
          subject: { type: 'bench', id: `change-${++changes}` },
          agency: Number(leaf.id),
          actor: 'bench',
          at: new Date(),
        }),
    );
    await row(
      '工作台: a leaf agency',
      200,
      () => get(`/api/v1/agencies/${leaf.code}/supervision?year=${YEAR}`),
      () => base.overview(Number(leaf.id)),
    );
    await row(
      'requests: a leaf, page 1',
      200,
      () => get(`/api/v1/agencies/${leaf.code}/requests?limit=50`),
      () => base.requestPage(Number(leaf.id)),
    );
    await row(
      'trends: the province, 5 years',
      null,
      () => get(`/api/v1/agencies/sheng/supervision/trends?to=${YEAR}&years=5`),
      async () => {
        for (let year = YEAR - 4; year <= YEAR; year++) await base.overview(province);
      },
    );
    await row(
      'statistics.json: a city',
      null,
      () => get(`/api/v1/agencies/c01/supervision/statistics.json?year=${YEAR}`),
      () => base.statistics(city),
    );
    // the nightly recount (after the 网站自查): every agency's 工作台 counts of two years and report cells of last year
    await row(
      `nightly recount (${actual.agencies} agencies)`,
      null,
      () =>
        recountKept({
          db,
          clock: clockOf(() => new Date(`${TODAY}T02:00:00Z`)),
          calendar: createCalendarService(db),
        }),
      async () => {
        await base.overview(province);
        await base.statistics(province);
      },
      1,
    );
    await row(
      'statistics.json: the province (kept)',
      null,
      () => get(`/api/v1/agencies/sheng/supervision/statistics.json?year=${YEAR}`),
      () => base.statistics(province),
    );
    await row(
      `inspect --all (${actual.agencies} agencies)`,
      600_000,
      () => inspectCommand(sink, db, ['--all', '--today', TODAY, '--format', 'json']),
      () => base.inspection(),
      1,
    );
    const overview = (
      await get(`/api/v1/agencies/sheng/supervision?year=${YEAR}`)
    ).json() as SupervisionOverview;
    const disagreements = await base.check(province, overview);
    const stored = await db.kysely
      .selectFrom('inspection_results')
      .select((eb) => eb.fn.count('agency_id').distinct().as('n'))
      .where('day', '=', TODAY)
      .executeTakeFirst();
    if (Number(stored?.n) !== actual.agencies)
      disagreements.push(`inspection stored for ${stored?.n} agencies of ${actual.agencies}`);
    return { database: db.dialect, sizes: actual, rows, disagreements };
  } finally {
    await app.close();
    await rm(filesDir, { recursive: true, force: true });
  }
}

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`);

/** The table of one database's figures; true when every target is met and the figures agree. */
export function printResult(result: BenchResult, print: (line: string) => void): boolean {
  const { sizes } = result;
  print(
    `\n${result.database}: ${sizes.agencies} agencies, ${sizes.publications} publications, ${sizes.requests} requests`,
  );
  print(
    `${'measured'.padEnd(38)}${'median'.padStart(10)}${'p95'.padStart(10)}${'baseline'.padStart(10)}` +
      `${'ratio'.padStart(8)}${'target'.padStart(10)}  result`,
  );
  let pass = result.disagreements.length === 0;
  for (const r of result.rows) {
    const m = median(r.runs);
    const ok = r.targetMs === null || p95(r.runs) < r.targetMs;
    pass &&= ok;
    print(
      `${r.name.padEnd(38)}${ms(m).padStart(10)}${ms(p95(r.runs)).padStart(10)}` +
        `${ms(median(r.baseline)).padStart(10)}${(m / Math.max(median(r.baseline), 0.01)).toFixed(1).padStart(8)}` +
        `${(r.targetMs === null ? '—' : `< ${ms(r.targetMs)}`).padStart(10)}  ${r.targetMs === null ? '' : ok ? 'PASS' : 'FAIL'}`,
    );
  }
  for (const d of result.disagreements) print(`*** figures differ from the baseline: ${d}`);
  return pass;
}

function sizesOf(flags: Record<string, string | boolean | undefined>, defaults: Sizes): Sizes {
  const n = (key: keyof Sizes) => (typeof flags[key] === 'string' ? Number(flags[key]) : defaults[key]);
  return { agencies: n('agencies'), publications: n('publications'), requests: n('requests') };
}

interface RunOptions {
  keep: boolean;
  runs: number;
  /** only the rows whose name holds it */
  only?: string;
}

async function onPostgres(server: string, sizes: Sizes, options: RunOptions): Promise<boolean> {
  const { keep } = options;
  const admin = openDb(server.replace(/\/[^/]*$/, '/postgres'));
  const name = 'bench_supervision';
  const exists = await sql`select 1 from pg_database where datname = ${name}`.execute(admin.kysely);
  let fresh = exists.rows.length === 0;
  if (!fresh) {
    const kept = openDb(server.replace(/\/[^/]*$/, `/${name}`));
    const found = await generatedSizes(kept).catch(() => null);
    await kept.close();
    if (!keep || JSON.stringify(found) !== JSON.stringify(sizes)) {
      await sql`drop database ${sql.id(name)} with (force)`.execute(admin.kysely);
      fresh = true;
    }
  }
  if (fresh) await sql`create database ${sql.id(name)}`.execute(admin.kysely);
  const db = openDb(server.replace(/\/[^/]*$/, `/${name}`));
  try {
    return printResult(await measure(db, sizes, { ...options, log: console.log }), console.log);
  } finally {
    await db.close();
    if (!keep) await sql`drop database ${sql.id(name)} with (force)`.execute(admin.kysely);
    await admin.close();
  }
}

async function onSqlite(sizes: Sizes, options: RunOptions): Promise<boolean> {
  const { keep } = options;
  const dir = keep ? tmpdir() : await mkdtemp(join(tmpdir(), 'gongkai-bench-supervision-'));
  const file = join(
    dir,
    `gongkai-bench-supervision-${sizes.agencies}-${sizes.publications}-${sizes.requests}.db`,
  );
  if (keep && existsSync(file)) console.log(`reusing ${file}`);
  const db = openDb(`sqlite:${file}`);
  try {
    return printResult(await measure(db, sizes, { ...options, log: console.log }), console.log);
  } finally {
    await db.close();
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values: flags } = parseArgs({
    options: {
      agencies: { type: 'string' },
      publications: { type: 'string' },
      requests: { type: 'string' },
      db: { type: 'string' },
      runs: { type: 'string', default: '5' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const server = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const which = flags.db ?? 'both';
  const databases = which === 'both' ? ['sqlite', 'pg'] : [which === 'postgres' ? 'pg' : which];
  const options = {
    keep: flags.keep,
    runs: Number(flags.runs),
    only: flags.only,
  };
  let pass = true;
  for (const database of databases) {
    if (database === 'sqlite') pass = (await onSqlite(sizesOf(flags, DEFAULTS.sqlite), options)) && pass;
    else if (database === 'pg')
      pass = (await onPostgres(server, sizesOf(flags, DEFAULTS.pg), options)) && pass;
    else throw new Error(`--db ${database}: sqlite, pg or both`);
  }
  console.log(pass ? '\nPASS' : '\n*** FAIL: a target is missed or a figure differs (see the tables) ***');
  process.exitCode = pass ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
