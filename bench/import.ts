/**
 * `npm run bench:import`: rows per second of the two imports — `gongkai import` (importRecords,
 * JSON Lines from bench/import-file.ts: 90% publications, 10% requests) and `gongkai items import`
 * (importItems, a generated CSV) — on SQLite and PostgreSQL, against a baseline measured in the same
 * run on the same database: the same number of rows bulk-inserted (INSERT … SELECT from one JSON
 * parameter, 5,000 rows a statement, one transaction) into a bare scratch table of the publications'
 * columns, and into `publications` itself with its indexes (rolled back); on PostgreSQL a third, the same
 * rows COPYed into `publications` (rolled back: the least the import can take with the schema as it
 * is). Ratios are floor / import; the import's CPU time per row in node (process.cpuUsage: all its
 * threads, less disturbed by the machine's load than the wall time) is printed under its row, on
 * PostgreSQL with the server's CPU for the import's database (bench/pg-backend-cpu.ts) and the rate
 * the two together allow on this machine's cores. Each (database, import, size) runs in its own child process, so the peak RSS
 * printed is that import's alone: it should stay flat as the rows grow tenfold.
 *
 *   npm run bench:import [-- --rows 100000,1000000 --db sqlite|postgres|both --kind records|items|both]
 *
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a scratch schema, dropped afterwards).
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { cliContext } from '../src/cli/command-context.ts';
import { CopyWriter, withPinnedClient } from '../src/commands/import/pg-copy.ts';
import { importItems } from '../src/commands/import-items/import-items.ts';
import { itemSource } from '../src/commands/import-items/sources.ts';
import { importRecords } from '../src/commands/import-records.ts';
import type { Db } from '../src/db/connection.ts';
import { jsonRows } from '../src/db/json-rows.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { writeImportFile } from './import-file.ts';
import { backendCpu, backendCpuSince } from './pg-backend-cpu.ts';
import { type ScratchDatabase, scratchPostgres, scratchSqlite } from './submitters.ts';

const TARGET = 20_000;
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

type Kind = 'records' | 'items';
type Which = 'sqlite' | 'postgres';

/** A child run's result, its last line of output as JSON: read back through this schema. */
const runResult = z.object({
  db: z.enum(['sqlite', 'postgres']),
  kind: z.enum(['records', 'items']),
  rows: z.number(),
  importMs: z.number(),
  bareMs: z.number(),
  schemaMs: z.number(),
  copyMs: z.number().nullable(),
  /** items: the time spent in the search index's upsert (src/search, written per batch) */
  upsertMs: z.number().nullable(),
  /** PostgreSQL: the server's CPU for the import's database during it (bench/pg-backend-cpu.ts) */
  dbCpuMs: z.number().nullable(),
  /** the import's CPU time in this process (user + system, all its threads: the segment pool too) */
  importCpuMs: z.number(),
  rssMb: z.number(),
});

type RunResult = z.infer<typeof runResult>;

/** A CSV of `rows` items (as the large-file test's): one agency, dates over 20 years. */
async function writeItemsFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('标题,正文,类别,发文机关,成文日期,发布日期\n');
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    // over 20 years: an agency-year holds at most 99,999 索引号
    const year = 2001 + (i % 20);
    const line = `第${i}号通知,<p>内容${i}</p>,a20.${(i % 15) + 1},某局,${year}-01-04,${year}-${month}-10\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

class RolledBack extends Error {}

/**
 * The floors: `rows` rows of the publications' shape bulk-inserted in one transaction, into a bare
 * scratch table (no index: what the database's ingest costs) and into `publications` itself (its
 * indexes and foreign keys: what the schema costs; rolled back).
 */
async function baselines(
  db: Db,
  rows: number,
  agencyId: number,
): Promise<{ bare: number; schema: number; copy: number | null }> {
  await sql`create table bench_rows (agency_id integer, ref text, title text, category text,
    channel text, formed_on text, published_on text, is_policy_document integer)`.execute(db.kysely);
  const columns = {
    agency_id: 'integer',
    ref: 'text',
    title: 'text',
    category: 'text',
    channel: 'text',
    formed_on: 'text',
    published_on: 'text',
    is_policy_document: 'integer',
  } as const;
  const names = sql.raw(Object.keys(columns).join(', '));
  const batchOf = (from: number) => {
    const batch = [];
    for (let i = from; i < Math.min(rows, from + 5000); i++)
      batch.push({
        agency_id: agencyId,
        ref: `r${i}`,
        title: `第${i}号通知关于某事项的公告`,
        category: `a20.${(i % 15) + 1}`,
        channel: 'website',
        formed_on: '2021-01-04',
        published_on: `2021-${String((i % 12) + 1).padStart(2, '0')}-10`,
        is_policy_document: i % 2,
      });
    return batch;
  };
  type Row = ReturnType<typeof batchOf>[number];
  // in the columns' order
  const rowValues = (r: Row) => [
    ...[r.agency_id, r.ref, r.title, r.category],
    ...[r.channel, r.formed_on, r.published_on, r.is_policy_document],
  ];
  const timed = async (table: string, copy?: CopyWriter, on: Db = db) => {
    const started = performance.now();
    let ms = 0;
    try {
      await inTransaction(on, async (trx) => {
        for (let from = 0; from < rows; from += 5000) {
          const batch = batchOf(from);
          if (copy) await copy.copy(table, Object.keys(columns), batch, rowValues);
          else
            await sql`insert into ${sql.table(table)} (${names})
              select ${names} from ${jsonRows(db.dialect, JSON.stringify(batch), columns)}`.execute(trx);
        }
        await copy?.settle();
        ms = performance.now() - started;
        if (table === 'publications') throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    return ms;
  };
  const bare = await timed('bench_rows');
  const schema = await timed('publications');
  const copy =
    db.dialect === 'postgres'
      ? await withPinnedClient(db, (pinned, client) => timed('publications', new CopyWriter(client), pinned))
      : null;
  return { bare, schema, copy };
}

async function setupAgency(db: Db): Promise<number> {
  async function* lines() {
    yield JSON.stringify({ type: 'agency', code: 'bench-items', name: '导入基准机关', kind: 'department' });
  }
  const result = await importRecords(cliContext(db, { username: 'bench' }), {
    lines: lines(),
    source: 'setup',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const agency = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', 'bench-items')
    .executeTakeFirstOrThrow();
  return agency.id;
}

/** One child's run: a fresh database, the baseline, then the import; its figures as JSON on stdout. */
async function child(which: Which, kind: Kind, rows: number): Promise<RunResult> {
  const scratch: ScratchDatabase = which === 'sqlite' ? await scratchSqlite() : await scratchPostgres(PG_URL);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-bench-'));
  const db = scratch.open();
  try {
    await migrateToLatest(db);
    const file = join(dir, kind === 'records' ? 'records.jsonl' : 'items.csv');
    let count = rows;
    if (kind === 'records') count = await writeImportFile(file, rows);
    else await writeItemsFile(file, rows);
    const floors = await baselines(db, count, await setupAgency(db));
    const ctx = cliContext(db, { username: 'bench' });
    // the items import's time in the search index (another module's), timed around its upsert
    const index = searchIndexFor(db.dialect);
    const upsert = index.upsert;
    let upsertMs = 0;
    index.upsert = async (trx, items, fresh) => {
      const from = performance.now();
      try {
        await upsert(trx, items, fresh);
      } finally {
        upsertMs += performance.now() - from;
      }
    };
    const backendsBefore = await backendCpu(db);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    if (kind === 'records') {
      const reader = createInterface({
        input: createReadStream(file, { encoding: 'utf8' }),
        crlfDelay: Infinity,
      });
      const iterator = reader[Symbol.asyncIterator]();
      const result = await importRecords(ctx, {
        lines: { [Symbol.asyncIterator]: () => iterator },
        source: file,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    } else {
      const result = await importItems(ctx, {
        file: itemSource(createReadStream(file), 'csv'),
        source: file,
        agency: 'bench-items',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    }
    const importMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const dbCpuMs = which === 'postgres' ? backendCpuSince(backendsBefore, await backendCpu(db)) : null;
    return {
      db: which,
      kind,
      rows: count,
      importMs,
      bareMs: floors.bare,
      schemaMs: floors.schema,
      copyMs: floors.copy,
      upsertMs: kind === 'items' ? upsertMs : null,
      importCpuMs: (cpu.user + cpu.system) / 1000,
      dbCpuMs,
      rssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await db.close();
    await scratch.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'both' },
    kind: { type: 'string', default: 'both' },
    child: { type: 'boolean', default: false },
  },
});

const which = (values.db === 'both' ? ['sqlite', 'postgres'] : [values.db]) as Which[];
const kinds = (values.kind === 'both' ? ['records', 'items'] : [values.kind]) as Kind[];
const sizes = values.rows.split(',').map(Number);

if (values.child) {
  const [w, k, n] = [which[0], kinds[0], sizes[0]];
  if (!w || !k || !n) throw new Error('child needs --db, --kind and --rows');
  console.log(JSON.stringify(await child(w, k, n)));
  process.exit(0);
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
console.log(`load: ${execFileSync('uptime').toString().trim()}`);
console.log(
  'db        import   rows        import/s   bare table/s  ratio  publications/s  ratio  COPY pub./s  ratio  peak RSS MB  ≥ 20,000/s',
);
for (const k of kinds)
  for (const w of which)
    for (const n of sizes) {
      const output = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--child',
          '--db',
          w,
          '--kind',
          k,
          '--rows',
          String(n),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
      );
      const r: RunResult = runResult.parse(JSON.parse(output.trim().split('\n').at(-1) ?? '{}'));
      const got = rate(r.rows, r.importMs);
      const bare = rate(r.rows, r.bareMs);
      const schema = rate(r.rows, r.schemaMs);
      const copied = r.copyMs === null ? null : rate(r.rows, r.copyMs);
      console.log(
        [
          r.db.padEnd(9),
          r.kind.padEnd(8),
          String(r.rows).padEnd(10),
          String(got).padStart(10),
          String(bare).padStart(14),
          (bare / got).toFixed(1).padStart(6),
          String(schema).padStart(15),
          (schema / got).toFixed(1).padStart(6),
          String(copied ?? '—').padStart(12),
          (copied === null ? '—' : (copied / got).toFixed(1)).padStart(6),
          r.rssMb.toFixed(0).padStart(12),
          got >= TARGET ? '  ok' : '  BELOW',
        ].join(' '),
      );
      const nodeUs = (1000 * r.importCpuMs) / r.rows;
      console.log(`          the import's CPU in node: ${Math.round(nodeUs)} µs/row`);
      if (r.dbCpuMs !== null) {
        const dbUs = (1000 * r.dbCpuMs) / r.rows;
        // every row costs both processes' CPU; the machine's cores bound the rate however it overlaps
        const ceiling = Math.round((cpus().length * 1_000_000) / (nodeUs + dbUs));
        console.log(
          `          PostgreSQL's CPU for it: ${Math.round(dbUs)} µs/row; node + PostgreSQL ${Math.round(nodeUs + dbUs)} µs/row → at most ${ceiling} rows/s on this machine's ${cpus().length} cores (target ${TARGET})`,
        );
      }
      if (r.upsertMs !== null)
        console.log(
          `          of the import's ${(r.importMs / 1000).toFixed(1)} s, ${(r.upsertMs / 1000).toFixed(1)} s in the search index's upsert (${Math.round((100 * r.upsertMs) / r.importMs)}%)`,
        );
    }
