import { sql } from 'kysely';
import { databaseBusyError, isDatabaseBusy } from '../db/busy.ts';
import { isConcurrencyFailure, rethrowConflict } from '../db/conflict.ts';
import { appendEvent } from '../db/events.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CommandContext, NamedActor, Trx } from './context.ts';
import { inTrx } from './context.ts';
import { batchRows, drain, emptyBatches, flush } from './import/batches.ts';
import type { ImportLine } from './import/line-schemas.ts';
import { parseLine } from './import/parse-line.ts';
import { CopyWriter, withPinnedClient } from './import/pg-copy.ts';
import { applyBulk, applyLinks, STAGING, Staging } from './import/staging.ts';
import { AgencyCache, type ImportState, writeRecord } from './import/write-record.ts';

export interface ImportProblem {
  line: number;
  reason: string;
}

export interface ImportResult {
  ok: boolean;
  lines: number;
  counts: Record<string, number>;
  problems: ImportProblem[];
  /** SQLite: how long the import held the database's write lock (ms), from BEGIN IMMEDIATE to COMMIT */
  lockMs?: number;
}

export interface ImportOptions {
  /** the JSON Lines, one record a line */
  lines: AsyncIterable<string>;
  /** where the lines come from (the file's name), recorded in the event */
  source: string;
  /** called every `progressEvery` lines */
  onProgress?: (lines: number) => void;
  progressEvery?: number;
  /** stop listing problems after this many (the file is rejected either way) */
  maxProblems?: number;
  /** runs first, in the same transaction (e.g. clearing what a reload replaces) */
  before?: (trx: Trx) => Promise<void>;
  /** runs last, in the same transaction, only when every line was good */
  after?: (trx: Trx) => Promise<void>;
}

class Rejected extends Error {}

/**
 * `gongkai import`: reads JSON Lines records and writes them in one transaction. Any bad line
 * (its number and reason are reported) rejects the whole file: nothing from it is written. A
 * PostgreSQL deadlock or serialization failure is a `conflict` (retry), not a bad line; SQLite's
 * write lock held by others past the wait is `unavailable` (数据库正忙), not a bad line either.
 *
 * On SQLite the file is first read, parsed and checked into a staging file outside the live
 * database (import/staging.ts), without any lock, then applied in one short IMMEDIATE transaction:
 * the server's writes wait for the apply only, not for the whole file (issue 12). On PostgreSQL,
 * whose writers do not block each other, lines stream straight into one transaction in batches,
 * copied by COPY FROM STDIN while the next batch is read (import/pg-copy.ts, issue 16).
 * Memory stays flat on both (the staged path keeps only the few non-bulk lines in memory).
 */
export async function importRecords(
  ctx: CommandContext<NamedActor>,
  options: ImportOptions,
): Promise<ImportResult> {
  const result: ImportResult = { ok: false, lines: 0, counts: {}, problems: [] };
  try {
    if (ctx.db.dialect === 'sqlite' && ctx.db.sqlite && !ctx.db.kysely.isTransaction)
      await stagedImport(ctx, options, result);
    else if (ctx.db.dialect === 'postgres' && ctx.db.pool && !ctx.db.kysely.isTransaction)
      await withPinnedClient(ctx.db, (db, client) =>
        streamingImport({ ...ctx, db }, options, result, new CopyWriter(client)),
      );
    else await streamingImport(ctx, options, result);
    result.ok = true;
  } catch (error) {
    if (isConcurrencyFailure(error))
      rethrowConflict(error, '导入时与其他写入冲突，未写入任何记录，请稍后重试。');
    if (isDatabaseBusy(error))
      throw databaseBusyError('数据库正忙：其他写入长时间占用数据库，本次导入未写入任何记录，请稍后重试。');
    result.counts = {};
    if (!(error instanceof Rejected)) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push({
        line: result.lines,
        reason: `数据库拒绝写入（约在此行之前的一批记录）：${reason}`,
      });
    }
  }
  return result;
}

/** What both paths share: the problem list (capped), the in-file ref check, the line loop's start. */
function lineChecks(options: ImportOptions, result: ImportResult) {
  const maxProblems = options.maxProblems ?? 50;
  const progressEvery = options.progressEvery ?? 10_000;
  /** type:agency:ref → the line that used it first (refs are unique per agency and type) */
  const refs = new Map<string, number>();
  const problem = (line: number, reason: string) => {
    if (result.problems.length < maxProblems) result.problems.push({ line, reason });
  };
  /** Counts the line and parses it; the record, or null (blank, or bad: its problem noted). */
  const next = (raw: string): ImportLine | null => {
    const line = ++result.lines;
    if (options.onProgress && line % progressEvery === 0) options.onProgress(line);
    if (raw.trim() === '') return null;
    const parsed = parseLine(raw);
    if (!parsed.ok) {
      problem(line, parsed.reason);
      return null;
    }
    const record = parsed.record;
    if ('ref' in record && record.ref && 'agency' in record) {
      const key = `${record.type}:${record.agency}:${record.ref}`;
      const first = refs.get(key);
      if (first !== undefined) {
        problem(line, `字段 ref：“${record.ref}”已在第${first}行用过，同一机关的 ref 不能重复`);
        return null;
      }
      refs.set(key, line);
    }
    return record;
  };
  return { maxProblems, problem, next };
}

const count = (result: ImportResult, type: string) => {
  result.counts[type] = (result.counts[type] ?? 0) + 1;
};

/** Records one `records.imported` event per agency the file wrote to. */
async function importedEvents(
  ctx: CommandContext<NamedActor>,
  trx: Trx,
  input: { touched: Set<number>; source: string; result: ImportResult },
): Promise<void> {
  const at = ctx.clock.now();
  for (const agencyId of input.touched) {
    await appendEvent(trx, {
      name: 'records.imported',
      subject: { type: 'import', id: input.source.slice(0, 64) },
      agency: agencyId,
      actor: ctx.actor.username,
      at,
      data: { source: input.source, lines: input.result.lines, counts: input.result.counts },
    });
  }
}

/**
 * SQLite: stage, then apply in one IMMEDIATE transaction. Publications and requests go through the
 * staging file in bulk; the few other lines (agencies, documents, figures, review cases) are kept
 * in order and written one by one between the bulk ranges, so the file's order still counts (an
 * agency before its records, a request before the review case naming it).
 */
async function stagedImport(
  ctx: CommandContext<NamedActor>,
  options: ImportOptions,
  result: ImportResult,
): Promise<void> {
  const { db } = ctx;
  const sqlite = db.sqlite;
  if (!sqlite) throw new Error('stagedImport needs SQLite');
  const { maxProblems, problem, next } = lineChecks(options, result);
  const staging = new Staging();
  /** the lines written one by one, in order */
  const others: Array<{ line: number; record: ImportLine }> = [];
  try {
    for await (const raw of options.lines) {
      const record = next(raw);
      if (!record) continue;
      const line = result.lines;
      if (record.type === 'publication') {
        if (record.interprets && !record.ref) {
          problem(line, '有 interprets 的解读材料须有自己的 ref');
          continue;
        }
        staging.publication(line, record);
      } else if (record.type === 'request') staging.request(line, record);
      else others.push({ line, record });
      count(result, record.type);
    }
    staging.finish();
    // a file with bad lines never takes the write lock
    if (result.problems.length > 0) throw new Rejected();
    await db.kysely.connection().execute(async (conn) => {
      await sql`attach database ${staging.file} as ${sql.raw(STAGING)}`.execute(conn);
      let locked = 0;
      try {
        await inTransaction({ ...db, kysely: conn }, async (trx) => {
          locked = performance.now();
          await options.before?.(trx);
          const step = inTrx(ctx, trx);
          const state: ImportState = {
            agencies: new AgencyCache(trx),
            batches: emptyBatches(db.dialect),
            links: [],
            touched: new Set<number>(),
          };
          const bulk = async (from: number, to: number) => {
            const outcome = await applyBulk(trx, {
              from,
              to,
              agencies: state.agencies,
              maxProblems,
              write: result.problems.length === 0,
            });
            for (const p of outcome.problems) problem(p.line, p.reason);
            for (const id of outcome.agencyIds) state.touched.add(id);
          };
          let previous = 0;
          for (const { line, record } of others) {
            await bulk(previous, line);
            previous = line;
            const reason = await writeRecord(step, { state, record, line });
            if (reason) problem(line, reason);
          }
          await bulk(previous, Number.MAX_SAFE_INTEGER);
          if (result.problems.length > 0) throw new Rejected();
          for (const p of await applyLinks(trx, { maxProblems, write: true })) problem(p.line, p.reason);
          if (result.problems.length > 0) throw new Rejected();
          await options.after?.(trx);
          await importedEvents(ctx, trx, { touched: state.touched, source: options.source, result });
        });
        result.lockMs = performance.now() - locked;
      } finally {
        await sql`detach database ${sql.raw(STAGING)}`.execute(conn);
      }
    });
  } finally {
    staging.dispose();
  }
}

/**
 * PostgreSQL (or inside a caller's transaction): the lines stream into one transaction in batches —
 * by COPY, one batch in flight while the next is read, when `copy` is given.
 */
async function streamingImport(
  ctx: CommandContext<NamedActor>,
  options: ImportOptions,
  result: ImportResult,
  copy?: CopyWriter,
): Promise<void> {
  const { maxProblems: _max, problem, next } = lineChecks(options, result);
  const batch = batchRows(ctx.db.dialect);
  await inTransaction(ctx.db, async (trx) => {
    await options.before?.(trx);
    const step = inTrx(ctx, trx);
    const state: ImportState = {
      agencies: new AgencyCache(trx),
      batches: emptyBatches(ctx.db.dialect, copy),
      links: [],
      touched: new Set<number>(),
    };
    const { batches, links, touched } = state;
    for await (const raw of options.lines) {
      const record = next(raw);
      if (!record) continue;
      const line = result.lines;
      // a line written now waits for the COPY in flight (whose failure is then reported, not the abort)
      if (record.type !== 'publication' && record.type !== 'request') await copy?.settle();
      const reason = await writeRecord(step, { state, record, line });
      if (reason) problem(line, reason);
      else count(result, record.type);
      if (result.problems.length === 0) await flush(trx, batches, batch);
    }
    if (result.problems.length > 0) throw new Rejected();
    await drain(trx, batches);
    for (const link of links) {
      const target = await trx
        .selectFrom('publications')
        .select('id')
        .where('agency_id', '=', link.agencyId)
        .where('ref', '=', link.interprets)
        .executeTakeFirst();
      if (!target) problem(link.line, `字段 interprets 指向的政策文件 ref “${link.interprets}”不存在`);
      else
        await trx
          .updateTable('publications')
          .set({ interprets_id: target.id })
          .where('agency_id', '=', link.agencyId)
          .where('ref', '=', link.ref)
          .execute();
    }
    if (result.problems.length > 0) throw new Rejected();
    await options.after?.(trx);
    await importedEvents(ctx, trx, { touched, source: options.source, result });
  });
}
