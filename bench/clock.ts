/**
 * `npm run bench:clock`: the deadlines of 100,000 open cases recomputed after a calendar change,
 * against a baseline that only reads those cases.
 *
 * Setup (not measured): a fresh SQLite file, or a fresh PostgreSQL schema when BENCH_DATABASE_URL
 * (or TEST_DATABASE_URL) is set; cases received 2026-09…2026-12 (so many count into 2027) and a
 * decided remainder, with a mix of clock events, inserted in bulk with the clock columns stored as
 * the calendar without 2027 gives them (today 2026-12-31). Then, in one run:
 *   (a) the baseline: every open case with its clock events, read in batches — the very reads of
 *       the recompute (readOpenCaseBatches), in a transaction; median of --runs after a warm-up;
 *   (b) importHolidayNotice of an (invented) 2027 notice: the whole command, writes and commit.
 * Targets: (b) < 5 s on SQLite, (b) ≤ 3 × (a). Exit code 0 either way; FAIL is printed loudly.
 * Flags: --cases N, --decided N, --runs N, --batch N, --seed N, --db sqlite|postgres|both.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { cliContext } from '../src/cli/command-context.ts';
import { importHolidayNotice } from '../src/commands/calendar/import-holiday-notice.ts';
import { RECOMPUTE_BATCH_SIZE, readOpenCaseBatches } from '../src/commands/calendar/open-case-batches.ts';
import { clockOf } from '../src/commands/context.ts';
import { clockColumns } from '../src/commands/requests/case-store.ts';
import { type Db, type Dialect, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { prng } from '../src/demo/lingang.ts';
import { chineseDaysData } from '../src/domain/calendar/chinese-days-data.ts';
import { addDays } from '../src/domain/calendar/days.ts';
import { createWorkCalendar } from '../src/domain/calendar/work-calendar.ts';
import { computeClock } from '../src/domain/clock/compute-clock.ts';
import type { ClockEvent } from '../src/domain/requests/clock-events.ts';

const TODAY = '2026-12-31';
const SQLITE_TARGET_MS = 5000;
const RATIO_TARGET = 3;
/** INVENTED, not the State Council's 2027 notice: New Year and a Spring Festival block. */
const NOTICE_2027 = {
  year: 2027,
  documentNumber: '基准测试虚构〔2026〕1号',
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    ...[6, 7, 8, 9, 10, 11, 12].map((d) => `2027-02-${d < 10 ? '0' : ''}${d}`),
  ],
  workdays: ['2027-02-13'],
};
const STATE_OF: Record<string, string> = {
  awaiting_correction: 'awaiting_correction',
  correction_lapsed: 'awaiting_correction',
  in_consultation: 'in_consultation',
  awaiting_fee: 'awaiting_fee',
  fee_lapsed: 'awaiting_fee',
};

const { values: flags } = parseArgs({
  options: Object.fromEntries(
    ['cases', 'decided', 'runs', 'batch', 'seed', 'db'].map((k) => [k, { type: 'string' }]),
  ),
});
const num = (name: string, fallback: number): number =>
  Number(String(flags[name] ?? fallback).replaceAll('_', ''));
const opts = {
  cases: num('cases', 100_000),
  decided: num('decided', 20_000),
  runs: num('runs', 3),
  batch: num('batch', RECOMPUTE_BATCH_SIZE),
  seed: num('seed', 2027),
};
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
const dbs: Dialect[] =
  flags.db === 'both'
    ? ['sqlite', 'postgres']
    : flags.db
      ? [flags.db as Dialect]
      : pgUrl
        ? ['sqlite', 'postgres']
        : ['sqlite'];
const fmt = (n: number, d = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const rssMiB = () => process.resourceUsage().maxRSS / 1024;

interface Result {
  dialect: Dialect;
  describe: string;
  setupMs: number;
  events: number;
  baseline: number[];
  recomputeMs: number;
  checked: number;
  changed: number;
  failed: number;
  eventsWritten: number;
  rssSetup: number;
  rssEnd: number;
}

/** A case's clock events, a realistic mix (cut at today); its state is what the clock says. */
function eventsFor(received: string, r: () => number, wd: (d: string, n: number) => string): ClockEvent[] {
  const u = r();
  const e: ClockEvent[] = [];
  if (u < 0.1) {
    const on = wd(received, 1 + Math.floor(r() * 6));
    e.push({ type: 'correction_requested', on, until: addDays(on, 15) });
    if (r() < 0.6) e.push({ type: 'correction_received', on: addDays(on, 8) });
  } else if (u < 0.25) {
    const on = wd(received, 3);
    e.push({ type: 'consultation_sent', on });
    if (r() < 0.5) e.push({ type: 'consultation_replied', on: wd(on, 6) });
    if (r() < 0.3) e.push({ type: 'extended', on: wd(on, 12), days: 20 });
  } else if (u < 0.33) e.push({ type: 'extended', on: wd(received, 15), days: r() < 0.5 ? 10 : 20 });
  else if (u < 0.39) {
    const on = wd(received, 5);
    e.push({ type: 'fee_notice', on });
    if (r() < 0.6) e.push({ type: 'fee_paid', on: wd(on, 6) });
  } else if (u < 0.42) {
    const on = wd(received, 2);
    e.push({ type: 'reasons_requested', on });
    if (r() < 0.5) e.push({ type: 'later_date_set', on: wd(on, 4), until: addDays(on, 45) });
  }
  const cut = e.findIndex((x) => x.on > TODAY);
  return cut < 0 ? e : e.slice(0, cut);
}

async function setup(db: Db): Promise<number> {
  const old = createWorkCalendar({ base: chineseDaysData });
  const wd = (d: string, n: number) => old.addWorkingDays(d, n);
  const r = prng(opts.seed);
  const agency = {
    code: 'bench',
    name: '基准测试机关',
    short_name: '基准',
    parent_id: null,
    kind: 'government',
    address: '',
    postcode: '',
    phone: '',
    website: '',
    website_name: '',
    office: '',
    created_at: TODAY,
  };
  let events = 0;
  await inTransaction(db, async (trx) => {
    const { id: agency_id } = await trx
      .insertInto('agencies')
      .values(agency)
      .returning('id')
      .executeTakeFirstOrThrow();
    const total = opts.cases + opts.decided;
    for (let from = 0; from < total; from += 1000) {
      const requests = [];
      const rows = [];
      for (let i = from; i < Math.min(total, from + 1000); i++) {
        const open = i < opts.cases;
        const received = wd(
          addDays(open ? '2026-08-31' : '2025-12-31', Math.floor(r() * (open ? 115 : 240))),
          1,
        );
        let clock = open
          ? eventsFor(received, r, wd)
          : [{ type: 'decided', on: wd(received, 15) } as ClockEvent];
        let reading: ReturnType<typeof computeClock>;
        try {
          reading = computeClock({ received, events: clock }, old, TODAY);
        } catch {
          clock = [];
          reading = computeClock({ received, events: clock }, old, TODAY);
        }
        const state = open ? (STATE_OF[reading.state] ?? 'open') : 'decided';
        requests.push({
          id: i + 1,
          agency_id,
          applicant_type: 'natural_person',
          channel: 'online',
          received_on: received,
          decided_on: open ? null : (clock[0]?.on ?? null),
          outcome: open ? null : 'granted',
          fee_fen: 0,
          mixed_items: 0,
          tracking_code: `bench${i}`,
          registration_no: `基准依申请〔2026〕${i + 1}号`,
          information: '某年度某项资金的发放明细',
          state,
          version: 1 + clock.length,
          ...clockColumns(reading),
        });
        const base = {
          agency_id,
          subject_type: 'request',
          subject_id: String(i + 1),
          at: `${received}T02:00:00.000Z`,
          actor: 'bench',
        };
        rows.push({
          ...base,
          seq: 1,
          name: 'requests.received',
          occurred_on: received,
          state_before: null,
          state_after: 'open',
          data: JSON.stringify({ channel: 'online', receiptNote: null, due: reading.due }),
        });
        for (const [k, { type, on, ...fields }] of clock.entries()) {
          const data = JSON.stringify({ action: type, input: { note: '办理说明' }, clock: fields });
          rows.push({
            ...base,
            seq: k + 2,
            name: `requests.${type}`,
            occurred_on: on,
            state_before: 'open',
            state_after: state,
            data,
          });
        }
      }
      await trx.insertInto('requests').values(requests).execute();
      for (let k = 0; k < rows.length; k += 2000)
        await trx
          .insertInto('events')
          .values(rows.slice(k, k + 2000))
          .execute();
      events += rows.length;
    }
  });
  if (db.dialect === 'postgres')
    for (const t of ['requests', 'events']) await sql`vacuum analyze ${sql.table(t)}`.execute(db.kysely);
  return events;
}

async function measure(dialect: Dialect): Promise<Result> {
  const file = join(tmpdir(), `gongkai-bench-clock-${randomBytes(4).toString('hex')}.db`);
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = dialect === 'postgres' ? openDb(pgUrl ?? '') : null;
  if (admin) await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
  const db = admin ? openDb(pgUrl ?? '', { searchPath: schema }) : openDb(`sqlite:${file}`);
  try {
    await migrateToLatest(db);
    let start = performance.now();
    const events = await setup(db);
    const setupMs = performance.now() - start;
    const rssSetup = rssMiB();
    const read = () =>
      inTransaction(db, async (trx) => {
        for await (const b of readOpenCaseBatches(trx, opts.batch)) void b;
      });
    await read();
    const baseline: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      start = performance.now();
      await read();
      baseline.push(performance.now() - start);
    }
    start = performance.now();
    const admin = { username: 'bench-admin', roles: [], platformAdmin: true };
    const at = new Date(`${TODAY}T02:00:00Z`);
    const ctx = { ...cliContext(db, admin), clock: clockOf(() => at) };
    const { recompute } = await importHolidayNotice(ctx, NOTICE_2027);
    const recomputeMs = performance.now() - start;
    const written = await db.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('name', '=', 'requests.calendar_changed')
      .executeTakeFirstOrThrow();
    return {
      dialect,
      describe: admin ? `${db.describe}, schema ${schema}` : db.describe,
      setupMs,
      events,
      baseline,
      recomputeMs,
      ...recompute,
      failed: recompute.failed.length,
      eventsWritten: Number(written.n),
      rssSetup,
      rssEnd: rssMiB(),
    };
  } finally {
    await db.close();
    if (admin)
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely).finally(() => admin.close());
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

function print(x: Result): boolean {
  const a = [...x.baseline].sort((p, q) => p - q)[x.baseline.length >> 1];
  const ratio = x.recomputeMs / a;
  const ok = { time: x.recomputeMs < SQLITE_TARGET_MS, ratio: ratio <= RATIO_TARGET };
  const verdict = (pass: boolean) => (pass ? 'PASS' : '*** FAIL ***');
  const row = (label: string, value: string) => `  ${label.padEnd(52)}${value.padStart(22)}`;
  console.log(
    [
      '',
      `  ${x.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${x.describe}) — ${fmt(opts.cases, 0)} open + ${fmt(opts.decided, 0)} decided cases, ${fmt(opts.batch, 0)} per batch`,
      `  ${'-'.repeat(74)}`,
      row('setup: bulk insert (not measured)', `${fmt(x.setupMs / 1000)} s, ${fmt(x.events, 0)} events`),
      row(`(a)  read open cases + clock events (median of ${x.baseline.length})`, `${fmt(a)} ms`),
      row('(b)  import 2027 notice + recompute, one transaction', `${fmt(x.recomputeMs)} ms`),
      row('ratio (b)/(a)', fmt(ratio, 2)),
      row('cases checked / changed / failed', `${fmt(x.checked, 0)} / ${fmt(x.changed, 0)} / ${x.failed}`),
      row('calendar_changed events written', fmt(x.eventsWritten, 0)),
      row('peak RSS (maxRSS) after setup / at end', `${fmt(x.rssSetup, 0)} / ${fmt(x.rssEnd, 0)} MiB`),
      row(`target (b) ≤ ${RATIO_TARGET} × (a)`, verdict(ok.ratio)),
      x.dialect === 'sqlite'
        ? row(`target (b) < ${SQLITE_TARGET_MS} ms`, verdict(ok.time))
        : row(`(b) < ${SQLITE_TARGET_MS} ms (SQLite target; for information)`, ok.time ? 'yes' : 'no'),
    ].join('\n'),
  );
  return ok.ratio && (x.dialect !== 'sqlite' || ok.time) && x.eventsWritten === x.changed;
}

/** One database per child process, so that peak RSS is that database's. */
function child(dialect: Dialect): Promise<Result> {
  const args = [
    ...process.execArgv,
    process.argv[1],
    ...process.argv.slice(2).filter((a, i, all) => a !== '--db' && all[i - 1] !== '--db'),
    '--db',
    dialect,
  ];
  return new Promise((resolve, reject) => {
    let result: Result | null = null;
    const proc = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    proc.on('message', (m) => {
      result = m as Result;
    });
    proc.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`${dialect} run exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  if (dbs.includes('postgres') && !pgUrl)
    throw new Error('PostgreSQL needs BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
  const results =
    dbs.length === 1
      ? [await measure(dbs[0])]
      : await dbs.reduce<Promise<Result[]>>(
          async (all, d) => [...(await all), await child(d)],
          Promise.resolve([]),
        );
  if (process.send) return void process.send(results[0], () => process.disconnect());
  let ok = true;
  for (const r of results) ok = print(r) && ok;
  console.log(ok ? '\nall targets met' : '\n*** FAIL: a target is not met (see above) ***');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
