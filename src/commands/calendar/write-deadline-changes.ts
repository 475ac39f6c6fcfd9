/**
 * The writes of the deadline recompute, a batch at a time: one UPDATE of the changed cases' clock
 * columns (version bumped, checked against the version read) and one INSERT of their
 * `calendar_changed` events. Each statement takes the batch as a single JSON parameter, opened as a
 * table by the database (`json_each` on SQLite 3.38+, `json_to_recordset` on PostgreSQL): one
 * parameter instead of thousands, parsed in C.
 */
import { sql } from 'kysely';
import type { Dialect } from '../../db/connection.ts';
import { appendEventBatch } from '../../db/events.ts';
import { jsonRows } from '../../db/json-rows.ts';
import { AppError } from '../../errors.ts';
import type { Reader } from '../context.ts';
import type { OpenCase, StoredClock } from './open-case-batches.ts';

/** A case whose stored clock columns differ from its clock on the new calendar. */
export interface DeadlineChange {
  case: OpenCase;
  after: StoredClock;
}

/** What every event of one recompute shares. */
export interface ChangeContext {
  /** why the deadlines moved, in Chinese (shown on the case's timeline) */
  reason: string;
  today: string;
  actor: string;
  recordedAt: Date;
}

/** Whether two readings of the stored columns agree. */
export function sameClock(a: StoredClock, b: StoredClock): boolean {
  return (
    a.due_on === b.due_on &&
    a.due_provisional === b.due_provisional &&
    a.waiting_until === b.waiting_until &&
    a.clock_state === b.clock_state
  );
}

/** The event's data: the reason and what moved, before → after. */
export function changeData(change: DeadlineChange, reason: string): Record<string, unknown> {
  const before = change.case.stored;
  const { after } = change;
  return {
    reason,
    due: { before: before.due_on, after: after.due_on },
    provisional: { before: before.due_provisional === 1, after: after.due_provisional === 1 },
    ...(before.waiting_until !== after.waiting_until
      ? { waitingUntil: { before: before.waiting_until, after: after.waiting_until } }
      : {}),
    ...(before.clock_state !== after.clock_state
      ? { clockState: { before: before.clock_state, after: after.clock_state } }
      : {}),
  };
}

/**
 * Stores a batch of changes. A case changed by someone else since it was read (its version moved)
 * makes the whole recompute a conflict: the caller's transaction is rolled back.
 */
export async function writeDeadlineChanges(
  trx: Reader,
  dialect: Dialect,
  changes: ReadonlyArray<DeadlineChange>,
  context: ChangeContext,
): Promise<void> {
  if (changes.length === 0) return;
  const cases = JSON.stringify(
    changes.map(({ case: c, after }) => ({ id: c.id, version: c.version, ...after })),
  );
  const caseColumns = {
    id: 'integer',
    version: 'integer',
    due_on: 'text',
    due_provisional: 'integer',
  } as const;
  const clockColumns = { waiting_until: 'text', clock_state: 'text' } as const;
  const updated = await sql`
    update requests
    set due_on = v.due_on, due_provisional = v.due_provisional, waiting_until = v.waiting_until,
      clock_state = v.clock_state, version = requests.version + 1
    from ${jsonRows(dialect, cases, { ...caseColumns, ...clockColumns })}
    where requests.id = v.id and requests.version = v.version`.execute(trx);
  if (Number(updated.numAffectedRows) !== changes.length)
    throw new AppError('conflict', '重新计算期限时有申请被同时修改，日历未作更改，请重试。');
  await appendEventBatch(
    trx,
    dialect,
    {
      name: 'requests.calendar_changed',
      subjectType: 'request',
      actor: context.actor,
      at: context.recordedAt,
      occurredOn: context.today,
    },
    changes.map((change) => ({
      subjectId: change.case.id,
      agencyId: change.case.agencyId,
      state: { before: change.case.state, after: change.case.state },
      data: changeData(change, context.reason),
    })),
  );
}
