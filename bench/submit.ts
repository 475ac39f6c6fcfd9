/**
 * `npm run bench:submit [-- --seconds N --clients N --import LINES --db sqlite|postgres|both
 *   --synchronous full|normal]`
 *
 * Citizens filing online: `clients` (100) concurrent submitters for `seconds` (60) against the
 * server in a child process (bench/submit-server.ts) on SQLite (a temporary file) and on
 * PostgreSQL (TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; a fresh schema).
 * It prints receipts, stored, missing, duplicates, 5xx, p50/p95/p99 and submissions/s, then a
 * baseline: as many bare INSERTs of a request row as there were receipts, by the same number of
 * clients through the same server (its bench-only route), and the ratio. Targets (issue 12): 0
 * missing, 0 duplicates, 0 × 5xx, p99 ≤ 300 ms, submissions ≥ 50% of the baseline's rate.
 *
 * With `--import LINES` a `gongkai import` of a synthetic file of that many lines (1,000,000 for
 * the issue's case) starts one second into the run, as its own process, and must complete.
 *
 * The per-address limits are lifted in the bench server (all clients are 127.0.0.1). Exits 1 when
 * an acknowledged submission is missing or duplicated, a 5xx was answered, or the import failed.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeImportFile } from './import-file.ts';
import {
  checkStored,
  percentile,
  runImport,
  runSubmitters,
  type Submission,
  scratchPostgres,
  scratchSqlite,
  startServer,
  type ScratchDatabase as Target,
} from './submitters.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '100' },
    import: { type: 'string', default: '0' },
    db: { type: 'string', default: 'both' },
    synchronous: { type: 'string', default: 'full' },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const importLines = Number(values.import);
const synchronous = values.synchronous.toUpperCase() === 'NORMAL' ? 'NORMAL' : 'FULL';
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const sqliteTarget = () => scratchSqlite(`SQLite (synchronous ${synchronous})`);
const postgresTarget = () => scratchPostgres(PG_URL);

/** The server child's CPU time so far (user + system), in ms. */
async function serverCpu(base: string): Promise<number> {
  const usage = (await (await fetch(`${base}/bench/cpu`)).json()) as { user: number; system: number };
  return (usage.user + usage.system) / 1000;
}

function latencyLine(results: Submission[], ms: number): string {
  const times = results.map((r) => r.ms);
  const ok = results.filter((r) => r.status >= 200 && r.status < 300).length;
  return (
    `p50 ${fmt(percentile(times, 50))} ms  p95 ${fmt(percentile(times, 95))} ms  ` +
    `p99 ${fmt(percentile(times, 99))} ms  ${fmt(ok / (ms / 1000), 1)}/s`
  );
}

async function benchOne(target: Target, importFile: string | null): Promise<boolean> {
  const server = await startServer({
    ...target.serverEnv,
    BENCH_BASELINE: '1',
    BENCH_SYNCHRONOUS: synchronous,
  });
  const db = target.open();
  let good = true;
  try {
    const prefix = `bench-${Date.now().toString(36)}`;
    // warm-up, not counted: the server's modules load and compile on their first requests
    for (const path of ['/api/v1/agencies/benchzone/requests/online', '/bench/insert']) {
      let warm = 0;
      await runSubmitters({
        base: server.base,
        path,
        clients,
        prefix: `warm-${prefix}`,
        running: () => warm++ < clients,
      });
    }
    const cpuBefore = await serverCpu(server.base);
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const importing = importFile
      ? new Promise((resolve) => setTimeout(resolve, 1000)).then(() =>
          runImport(target.importUrl, importFile),
        )
      : null;
    const results = await runSubmitters({
      base: server.base,
      path: '/api/v1/agencies/benchzone/requests/online',
      clients,
      prefix,
      running: () => performance.now() < deadline,
    });
    const elapsed = performance.now() - started;
    const cpuSubmissions = (await serverCpu(server.base)) - cpuBefore;
    const imported = await importing;
    const check = await checkStored(db, prefix, results);
    const fivexx = results.filter((r) => r.status >= 500).length;
    const other = results.filter((r) => r.status >= 300 && r.status < 500).length;
    const noAnswer = results.filter((r) => r.status === 0).length;
    const rate = check.receipts / (elapsed / 1000);
    const p99 = percentile(
      results.map((r) => r.ms),
      99,
    );

    // the baseline: as many bare INSERTs as there were receipts, by as many clients
    let sent = 0;
    const baselineStarted = performance.now();
    const baseline = await runSubmitters({
      base: server.base,
      path: '/bench/insert',
      clients,
      prefix: `${prefix}-baseline`,
      running: () => sent++ < check.receipts,
    });
    const baselineMs = performance.now() - baselineStarted;
    const cpuBaseline = (await serverCpu(server.base)) - cpuBefore - cpuSubmissions;
    const baselineRate = baseline.filter((r) => r.status === 201).length / (baselineMs / 1000);

    console.log(`\n${target.name}: ${clients} clients × ${seconds} s`);
    console.log(
      `  receipts ${fmt(check.receipts)}  stored ${fmt(check.stored)}  missing ${check.missing}  ` +
        `duplicates ${check.duplicates}  5xx ${fivexx}  other non-2xx ${other}  no answer ${noAnswer}  ` +
        `stored after a refusal ${check.storedAfterRefusal}`,
    );
    console.log(`  submissions  ${latencyLine(results, elapsed)}`);
    console.log(
      `  baseline     ${latencyLine(baseline, baselineMs)}  (${fmt(baseline.length)} bare INSERTs)`,
    );
    const ratio = rate / baselineRate;
    console.log(`  submissions/s ÷ baseline/s = ${fmt(ratio * 100, 1)}%`);
    const perSubmission = cpuSubmissions / Math.max(results.length, 1);
    const perInsert = cpuBaseline / Math.max(baseline.length, 1);
    console.log(
      `  server CPU: ${fmt(perSubmission, 2)} ms a submission, ${fmt(perInsert, 2)} ms a bare INSERT ` +
        `(${fmt((perInsert / perSubmission) * 100, 1)}%; less at the mercy of the machine's other work than the rates)`,
    );
    if (imported) {
      console.log(
        `  import of ${fmt(importLines)} lines: exit ${imported.code} in ${fmt(imported.ms / 1000, 1)} s — ${imported.said}`,
      );
      if (imported.code !== 0) good = false;
    }
    const targets: Array<[string, boolean]> = [
      ['0 missing', check.missing === 0],
      ['0 duplicates', check.duplicates === 0],
      ['0 × 5xx', fivexx === 0],
      ['p99 ≤ 300 ms', p99 <= 300],
      ['≥ 50% of the baseline', ratio >= 0.5],
    ];
    console.log(`  targets: ${targets.map(([name, ok]) => `${name} ${ok ? '✓' : '✗'}`).join('  ')}`);
    if (check.missing > 0 || check.duplicates > 0 || fivexx > 0 || check.storedAfterRefusal > 0) good = false;
  } finally {
    await server.stop();
    await db.close();
  }
  return good;
}

let importFile: string | null = null;
if (importLines > 0) {
  importFile = join(tmpdir(), `gongkai-bench-import-${importLines}.jsonl`);
  if (!existsSync(importFile)) {
    console.log(`writing ${fmt(importLines)} import lines to ${importFile} …`);
    await writeImportFile(importFile, importLines);
  }
}
let good = true;
for (const make of values.db === 'both'
  ? [sqliteTarget, postgresTarget]
  : values.db === 'postgres'
    ? [postgresTarget]
    : [sqliteTarget]) {
  const target = await make();
  try {
    if (!(await benchOne(target, importFile))) good = false;
  } finally {
    await target.cleanup();
  }
}
process.exitCode = good ? 0 : 1;
