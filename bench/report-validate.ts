/**
 * `npx tsx bench/report-validate.ts`: how long the editor's live validation takes on the demo
 * agency — `POST /api/v1/agencies/lingang/reports/2021/validate` with edited text, through the
 * whole server (auth, one round of SQL aggregates, merge, R1–R10), nothing saved. Target: the
 * median under 50 ms. Also times `GET …/draft` for comparison.
 *
 * Flags: --runs N (default 50), --db sqlite|postgres (default sqlite; postgres uses
 * BENCH_DATABASE_URL or TEST_DATABASE_URL, in a fresh schema dropped afterwards).
 * The exit code is 0 either way (this is a report); FAIL is printed loudly.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { cliContext } from '../src/cli/command-context.ts';
import { loadDemo } from '../src/commands/load-demo.ts';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server/app.ts';

const TARGET_MS = 50;
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '50' }, db: { type: 'string', default: 'sqlite' } },
});
const runs = Number(values.runs);

async function open(): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (values.db !== 'postgres') return { db: openDb('sqlite::memory:'), drop: async () => {} };
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL for --db postgres');
  const schema = `gk_bench_${randomBytes(4).toString('hex')}`;
  const admin = openDb(url);
  await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
  return {
    db: openDb(url, { searchPath: schema }),
    drop: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely);
      await admin.close();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

const { db, drop } = await open();
await migrateToLatest(db);
await loadDemo(cliContext(db, { username: 'gongkai demo' }));
const app = await buildServer({ db, now: () => new Date('2022-01-20T02:00:00Z') });
await app.ready();
const headers = { 'x-gongkai-user': 'lingang-operator' };
const url = '/api/v1/agencies/lingang/reports/2021';
const sections = {
  problems: [
    { topic: 'p1', title: '存在问题', segments: [{ kind: 'staff', text: '本年新收政府信息公开申请7件。' }] },
  ],
};

async function time(label: string, call: () => Promise<{ statusCode: number }>): Promise<number> {
  await call();
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await call();
    took.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${label}: HTTP ${res.statusCode}`);
  }
  console.log(
    `${label.padEnd(10)} median ${median(took).toFixed(1)} ms, p95 ${p95(took).toFixed(1)} ms (${runs} runs)`,
  );
  return median(took);
}

const validate = await time('validate', () =>
  app.inject({ method: 'POST', url: `${url}/validate`, headers, payload: { sections } }),
);
await time('draft', () => app.inject({ method: 'GET', url: `${url}/draft`, headers }));
console.log(
  validate < TARGET_MS ? `OK: validate under ${TARGET_MS} ms` : `FAIL: validate not under ${TARGET_MS} ms`,
);
await app.close();
await db.close();
await drop();
