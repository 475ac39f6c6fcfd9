/**
 * The single-process measurements of `npm run bench:scale`, each with its baseline from the same
 * run: a province-wide search (the 100 queries of bench:search without their agency and year
 * filters) against a LIKE scan of the same words; one agency's annual report against the bare
 * counts of its year's records; an items import into the province against the same import into an
 * empty database.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { cliContext } from '../src/cli/command-context.ts';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { importItems } from '../src/commands/import-items/import-items.ts';
import { itemSource } from '../src/commands/import-items/sources.ts';
import { importRecords } from '../src/commands/import-records.ts';
import { loadReportInputs } from '../src/commands/reports/report-inputs.ts';
import { testContext } from '../src/commands/testing-context.ts';
import type { Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildReport } from '../src/domain/report/build.ts';
import { freezeReport } from '../src/domain/report/snapshot.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { corpus } from './search-corpus.ts';
import { BENCH_QUERIES, type BenchQuery, likeQuery, runLike } from './search-queries.ts';
import { median, percentile } from './search-report.ts';
import { scratchPostgres } from './submitters.ts';
import { YEAR } from './supervision-data.ts';

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** The queries over the whole province: the agency (ids of the search corpus) and year filters dropped. */
export const PROVINCE_QUERIES: BenchQuery[] = BENCH_QUERIES.map(
  ({ agencyId: _a, year: _y, ...rest }) => rest,
);

export interface SearchFigures {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  coldP95Ms: number;
  /** the LIKE scans' median, and the index's median of the same queries */
  likeMs: number;
  sameQueriesMs: number;
  likeQueries: number;
}

export async function measureSearch(db: Db, runs: number, likeCount: number): Promise<SearchFigures> {
  const index = searchIndexFor(db.dialect);
  const once = (q: BenchQuery) => time(() => index.search(db.kysely, { ...q, limit: 10, offset: 0 }));
  const cold: number[] = [];
  for (const q of PROVINCE_QUERIES) cold.push(await once(q));
  const perQuery: number[][] = PROVINCE_QUERIES.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, q] of PROVINCE_QUERIES.entries()) perQuery[i]?.push(await once(q));
  }
  const medians = perQuery.map(median);
  const step = Math.max(1, Math.floor(PROVINCE_QUERIES.length / Math.max(1, likeCount)));
  const like: number[] = [];
  const same: number[] = [];
  for (let i = 0; i < PROVINCE_QUERIES.length && like.length < likeCount; i += step) {
    const q = PROVINCE_QUERIES[i];
    if (!q) break;
    const { where } = likeQuery(q);
    // a scan of the items, as the target is set against (LikePath, bench/search-queries.ts)
    like.push(
      await time(() =>
        runLike(
          db,
          () =>
            sql`select id from items where status = 'published' and ${where} order by published_on desc limit 10`,
          'scan',
        ),
      ),
    );
    same.push(medians[i] ?? 0);
  }
  return {
    queries: PROVINCE_QUERIES.length,
    p50Ms: percentile(medians, 50),
    p95Ms: percentile(medians, 95),
    coldP95Ms: percentile(cold, 95),
    likeMs: median(like),
    sameQueriesMs: median(same),
    likeQueries: like.length,
  };
}

export interface ReportFigures {
  agency: string;
  publications: number;
  requests: number;
  medianMs: number;
  maxMs: number;
  countsMs: number;
}

/**
 * The generator stores the previous year's published versions with an empty snapshot; the report
 * compares with it (R7, R8, year-over-year sentences), so the measured agency's is made a real one:
 * its YEAR − 1 report built from its records and frozen, as publishing does.
 */
async function publishPrevious(db: Db, code: string, agencyId: number): Promise<void> {
  const inputs = await loadReportInputs(db, code, YEAR - 1);
  if (!inputs) throw new Error(`${code}: no ${YEAR - 1} report`);
  const snapshot = freezeReport(buildReport(inputs.facts, inputs.stored), inputs.facts.current);
  await db.kysely
    .updateTable('annual_report_versions')
    .set({ snapshot })
    .where('agency_id', '=', agencyId)
    .where('year', '=', YEAR - 1)
    .execute();
}

/** The agency with the most publications in YEAR: its report built `runs` times, and its bare counts. */
export async function measureReport(db: Db, runs: number): Promise<ReportFigures> {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const top = await sql<{ code: string; id: number }>`select a.code, a.id from agencies a
    join (select agency_id, count(*) as n from publications where published_on between ${from} and ${to}
          group by agency_id order by n desc limit 1) p on p.agency_id = a.id`.execute(db.kysely);
  const agency = top.rows[0];
  if (!agency) throw new Error(`no publication in ${YEAR}: nothing to report`);
  const counts = () =>
    sql<{ publications: number; requests: number }>`select
      (select count(*)::int from publications where agency_id = ${agency.id} and published_on between ${from} and ${to}) as publications,
      (select count(*)::int from requests where agency_id = ${agency.id} and received_on between ${from} and ${to}) as requests`.execute(
      db.kysely,
    );
  await publishPrevious(db, agency.code, agency.id);
  const report = async () => {
    const built = await buildAnnualReport(db, agency.code, YEAR);
    if (!built) throw new Error(`${agency.code}: no report`);
  };
  await report();
  const builds: number[] = [];
  for (let r = 0; r < runs; r++) builds.push(await time(report));
  const countRuns: number[] = [];
  let found = { publications: 0, requests: 0 };
  for (let r = 0; r < runs; r++) {
    countRuns.push(
      await time(async () => {
        found = (await counts()).rows[0] ?? found;
      }),
    );
  }
  return {
    agency: agency.code,
    ...found,
    medianMs: median(builds),
    maxMs: Math.max(...builds),
    countsMs: median(countRuns),
  };
}

/** `rows` corpus items as importItems JSON Lines, all for `agency`. */
async function* itemLines(rows: number, agency: string, seed: number): AsyncGenerator<string> {
  for (const item of corpus(rows, seed)) {
    yield `${JSON.stringify({
      agency,
      title: item.title,
      body: `<p>${item.bodyText}</p>`,
      category: item.category,
      issuer: '某省人民政府办公厅',
      docNumber: item.docNumber ?? '',
      formedOn: item.publishedOn,
      publishedOn: item.publishedOn,
      validity: item.validity,
    })}\n`;
  }
}

async function importInto(db: Db, rows: number, seed: number): Promise<number> {
  const ctx = testContext(db, { actor: { username: 'bench:scale' }, now: new Date('2026-03-16T02:00:00Z') });
  let imported = 0;
  const ms = await time(async () => {
    const result = await importItems(ctx, {
      file: itemSource(Readable.from(itemLines(rows, 'sheng', seed)), 'jsonl'),
      source: 'bench:scale',
    });
    if (!result.ok) throw new Error(`import rejected: ${result.problems.map((p) => p.reason).join('; ')}`);
    imported = result.imported;
  });
  return (imported / ms) * 1000;
}

export interface ImportFigures {
  rows: number;
  provinceRowsPerSecond: number;
  emptyRowsPerSecond: number;
}

/** `gongkai items import` of `rows` items into the province (agency `sheng`), then into an empty database. */
export async function measureImport(db: Db, url: string, rows: number, seed: number): Promise<ImportFigures> {
  const provinceRowsPerSecond = await importInto(db, rows, seed);
  const scratch = await scratchPostgres(url, 'empty');
  const empty = scratch.open();
  try {
    await migrateToLatest(empty);
    const agency = JSON.stringify({
      type: 'agency',
      code: 'sheng',
      name: '某省人民政府办公厅',
      kind: 'government',
    });
    const made = await importRecords(cliContext(empty, { username: 'bench:scale' }), {
      lines: Readable.from([agency])[Symbol.asyncIterator](),
      source: 'bench:scale',
    });
    if (!made.ok) throw new Error(made.problems.map((p) => p.reason).join('; '));
    const emptyRowsPerSecond = await importInto(empty, rows, seed);
    return { rows, provinceRowsPerSecond, emptyRowsPerSecond };
  } finally {
    await empty.close();
    await scratch.cleanup();
  }
}
