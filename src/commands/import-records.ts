import { isConcurrencyFailure, rethrowConflict } from '../db/conflict.ts';
import { appendEvent } from '../db/events.ts';
import type { CommandContext, NamedActor, Trx } from './context.ts';
import { inTrx } from './context.ts';
import { parseLine } from './import/parse-line.ts';
import { AgencyCache, flush, type ImportState, writeRecord } from './import/write-record.ts';

export interface ImportProblem {
  line: number;
  reason: string;
}

export interface ImportResult {
  ok: boolean;
  lines: number;
  counts: Record<string, number>;
  problems: ImportProblem[];
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

const BATCH = 500;

class Rejected extends Error {}

/**
 * `gongkai import`: reads JSON Lines records and writes them in one transaction. Any bad line
 * (its number and reason are reported) rejects the whole file: nothing from it is written. A
 * PostgreSQL deadlock or serialization failure is a `conflict` (retry), not a bad line. Lines
 * stream through in batches, so memory stays flat however long the file is.
 */
export async function importRecords(
  ctx: CommandContext<NamedActor>,
  options: ImportOptions,
): Promise<ImportResult> {
  const { db } = ctx;
  const result: ImportResult = { ok: false, lines: 0, counts: {}, problems: [] };
  const maxProblems = options.maxProblems ?? 50;
  const progressEvery = options.progressEvery ?? 10_000;
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await options.before?.(trx);
      const step = inTrx(ctx, trx);
      const state: ImportState = {
        agencies: new AgencyCache(trx),
        batches: { publications: [], requests: [] },
        links: [],
        touched: new Set<number>(),
      };
      const { batches, links, touched } = state;
      /** type:agency:ref → the line that used it first (refs are unique per agency and type) */
      const refs = new Map<string, number>();
      const problem = (line: number, reason: string) => {
        if (result.problems.length < maxProblems) result.problems.push({ line, reason });
      };
      for await (const raw of options.lines) {
        const line = ++result.lines;
        if (options.onProgress && line % progressEvery === 0) options.onProgress(line);
        if (raw.trim() === '') continue;
        const parsed = parseLine(raw);
        if (!parsed.ok) {
          problem(line, parsed.reason);
          continue;
        }
        const record = parsed.record;
        if ('ref' in record && record.ref && 'agency' in record) {
          const key = `${record.type}:${record.agency}:${record.ref}`;
          const first = refs.get(key);
          if (first !== undefined) {
            problem(line, `字段 ref：“${record.ref}”已在第${first}行用过，同一机关的 ref 不能重复`);
            continue;
          }
          refs.set(key, line);
        }
        const reason = await writeRecord(step, { state, record, line });
        if (reason) problem(line, reason);
        else result.counts[parsed.record.type] = (result.counts[parsed.record.type] ?? 0) + 1;
        if (result.problems.length === 0) await flush(trx, batches, BATCH);
      }
      if (result.problems.length > 0) throw new Rejected();
      await flush(trx, batches, 1);
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
      const at = ctx.clock.now();
      for (const agencyId of touched) {
        await appendEvent(trx, {
          name: 'records.imported',
          subject: { type: 'import', id: options.source.slice(0, 64) },
          agency: agencyId,
          actor: ctx.actor.username,
          at,
          data: { source: options.source, lines: result.lines, counts: result.counts },
        });
      }
    });
    result.ok = true;
  } catch (error) {
    if (isConcurrencyFailure(error))
      rethrowConflict(error, '导入时与其他写入冲突，未写入任何记录，请稍后重试。');
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
