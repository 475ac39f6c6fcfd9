/**
 * When the calendar changes, every open case's deadline is counted again on the new calendar
 * (a notice imported for 2027 confirms the provisional due dates that count into 2027, and moves
 * the ones its holidays fall inside). Alaveteli's habit: computed due dates are stored, and swept.
 */
import { inTransaction } from '../../db/transaction.ts';
import { projectedReading } from '../../domain/clock/projected.ts';
import type { CommandContext, NamedActor } from '../context.ts';
import { clockColumns } from '../requests/case-store.ts';
import {
  type OpenCase,
  RECOMPUTE_BATCH_SIZE,
  readOpenCaseBatches,
  type StoredClock,
} from './open-case-batches.ts';
import { type DeadlineChange, sameClock, writeDeadlineChanges } from './write-deadline-changes.ts';

/** A case whose clock could not be computed (its stored history breaks a rule): left as it was. */
export interface RecomputeFailure {
  requestId: number;
  message: string;
}

/** What a recompute did: cases counted again, cases whose stored clock changed, cases that failed. */
export interface RecomputeResult {
  checked: number;
  changed: number;
  failed: RecomputeFailure[];
}

/**
 * Counts the clock of every case not yet decided (all agencies) again on the context's calendar as
 * of its today,
 * and for each case whose stored `due_on`, `due_provisional`, `waiting_until` or `clock_state`
 * differs: stores the new columns (version bumped) and appends a `calendar_changed` event (actor,
 * reason, before → after). Reads and writes in batches; the computing is in memory. Runs in the
 * caller's transaction when `ctx.db` is one (the calendar commands), else in its own. A case whose
 * clock throws is reported in `failed`, not fatal. The caller checks who may do this.
 */
export async function recomputeOpenDeadlines(
  ctx: CommandContext<NamedActor>,
  input: { reason: string; batchSize?: number },
): Promise<RecomputeResult> {
  const { db } = ctx;
  const { reason, batchSize = RECOMPUTE_BATCH_SIZE } = input;
  const calendar = await ctx.calendar.get();
  const today = ctx.clock.today();
  const context = { reason, today, actor: ctx.actor.username, recordedAt: ctx.clock.now() };
  // The clock is a pure function of (received, events, calendar, today): the many cases with no
  // clock event yet that were received on the same day share one reading.
  const plain = new Map<string, StoredClock>();
  const columnsOf = (open: OpenCase): StoredClock => {
    if (open.events.length > 0)
      return clockColumns(
        projectedReading({ received: open.receivedOn, events: open.events }, calendar, today),
      );
    let columns = plain.get(open.receivedOn);
    if (!columns) {
      columns = clockColumns(projectedReading({ received: open.receivedOn, events: [] }, calendar, today));
      plain.set(open.receivedOn, columns);
    }
    return columns;
  };
  return inTransaction(db, async (trx) => {
    const result: RecomputeResult = { checked: 0, changed: 0, failed: [] };
    for await (const batch of readOpenCaseBatches(trx, batchSize)) {
      const changes: DeadlineChange[] = [];
      for (const open of batch) {
        result.checked++;
        let after: StoredClock;
        try {
          after = columnsOf(open);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          result.failed.push({ requestId: open.id, message });
          continue;
        }
        if (!sameClock(open.stored, after)) changes.push({ case: open, after });
      }
      await writeDeadlineChanges(trx, db.dialect, changes, context);
      result.changed += changes.length;
    }
    return result;
  });
}
