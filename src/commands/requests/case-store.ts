import type { Updateable } from 'kysely';
import { appendEvent, type NewEvent } from '../../db/events.ts';
import type { RequestTable } from '../../db/schema.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { storedClock } from '../../domain/clock/projected.ts';
import {
  CLOCK_EVENT_TYPES,
  type ClockEvent,
  type ClockReading,
  clockEventsOf,
  DELIVERY_EVENT_TYPE,
} from '../../domain/requests/clock-events.ts';
import { isRequestKind, type RequestKind } from '../../domain/requests/record-correction.ts';
import type { CaseState } from '../../domain/requests/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Reader, Trx } from '../context.ts';
import { runSubjectNote, type SubjectNote, type SubjectStore } from '../subject-step.ts';

export interface CaseRow {
  id: number;
  agencyId: number;
  state: CaseState;
  version: number;
  receivedOn: string;
  decidedOn: string | null;
  /** disclosure, or record_correction (条例 第四十一条) */
  kind: RequestKind;
}

/** A case of an agency, or not_found (a case of another agency is not found either). */
async function loadCase(trx: Trx, agencyId: number, requestId: number): Promise<CaseRow> {
  const row = await trx
    .selectFrom('requests')
    .select(['id', 'agency_id', 'state', 'version', 'received_on', 'decided_on', 'kind'])
    .where('id', '=', requestId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到编号为 ${requestId} 的申请。`);
  return {
    id: row.id,
    agencyId: row.agency_id,
    state: row.state as CaseState,
    version: row.version,
    receivedOn: row.received_on,
    decidedOn: row.decided_on,
    kind: isRequestKind(row.kind) ? row.kind : 'disclosure',
  };
}

/**
 * Locks a case for this transaction by bumping its version (the row lock on PostgreSQL; SQLite
 * writes one at a time). A version changed since it was read is a conflict.
 */
async function lockCase(trx: Trx, row: Pick<CaseRow, 'id' | 'version'>): Promise<void> {
  const updated = await trx
    .updateTable('requests')
    .set({ version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', '该申请刚被其他人修改，请刷新后重试。');
}

/** The name of a case's event of a type: `extended` → `requests.extended`. */
export const caseEventName = (type: string): string => `requests.${type}`;

/** The type of a case's event from its name: `requests.extended` → `extended`. */
export const caseEventType = (name: string): string => name.slice('requests.'.length);

/** A case's events (in the one event log). */
export function caseEvents(trx: Reader, requestId: number) {
  return trx
    .selectFrom('events')
    .where('subject_type', '=', 'request')
    .where('subject_id', '=', String(requestId));
}

/** The date of a case's latest event (its receipt at least): later entries may not be dated before it. */
export async function lastEventDate(trx: Reader, requestId: number): Promise<string> {
  const row = await caseEvents(trx, requestId)
    .select((eb) => eb.fn.max('occurred_on').as('on'))
    .executeTakeFirst();
  return String(row?.on ?? '');
}

/** The names of a case's stored events the clock reads: its clock events and the letters' 送达 records. */
export const CLOCK_EVENT_NAMES_STORED: readonly string[] = [...CLOCK_EVENT_TYPES, DELIVERY_EVENT_TYPE].map(
  caseEventName,
);

/** The events of a case that move its clock, in order, as the clock reads them. */
export async function loadClockEvents(trx: Reader, requestId: number): Promise<ClockEvent[]> {
  const rows = await caseEvents(trx, requestId)
    .select(['name', 'occurred_on', 'data', 'seq'])
    .where('name', 'in', CLOCK_EVENT_NAMES_STORED)
    .orderBy('seq')
    .execute();
  return clockEventsOf(
    rows.map((r) => ({ type: caseEventType(r.name), on: r.occurred_on ?? '', data: r.data, seq: r.seq })),
  );
}

export interface NewCaseEvent {
  agencyId: number;
  requestId: number;
  type: string;
  occurredOn: string;
  actor: string;
  stateBefore: CaseState | null;
  stateAfter: CaseState;
  /** when it was recorded (the command's clock) */
  at: Date;
  /** what changed: before → after, the action's input; `clock` holds the clock event's fields */
  data: Record<string, unknown>;
}

/** Appends a case's event (`requests.<type>`) to the event log with the case's next number. */
export async function appendCaseEvent(trx: Trx, event: NewCaseEvent): Promise<number> {
  return appendEvent(trx, caseEventOf(event));
}

/** A case's event as the one event log keeps it. */
export function caseEventOf(event: NewCaseEvent): NewEvent {
  return {
    name: caseEventName(event.type),
    subject: { type: 'request', id: event.requestId },
    agency: event.agencyId,
    actor: event.actor,
    at: event.at,
    occurredOn: event.occurredOn,
    state: { before: event.stateBefore, after: event.stateAfter },
    data: event.data,
  };
}

/** How cases are stored, for the shared step pipeline (commands/subject-step.ts). */
export const CASE_STORE: SubjectStore<CaseRow, CaseState, void, Updateable<RequestTable>> = {
  noun: '申请',
  subjectType: 'request',
  eventPrefix: 'requests.',
  load: loadCase,
  idOf: (row) => row.id,
  agencyOf: (row) => row.agencyId,
  versionOf: (row) => row.version,
  stateOf: (row) => row.state,
  lock: lockCase,
  async update(trx, row, to, columns) {
    await trx
      .updateTable('requests')
      .set({ state: to, ...(columns ?? {}) })
      .where('id', '=', row.id)
      .execute();
  },
};

/**
 * A note on a case — a change that leaves its state as it is (an attachment, a letter sent) —
 * through the shared pipeline; without `expectedVersion` it is added to whatever version there is.
 */
export function noteOnCase<T>(
  ctx: CommandContext,
  target: { agencyId: number; requestId: number; expectedVersion?: number; lock?: boolean },
  note: SubjectNote<CaseRow, T>['note'],
): Promise<T> {
  const { requestId, ...rest } = target;
  return runSubjectNote(ctx, CASE_STORE, { ...rest, id: requestId, note });
}

/** The stored columns of a clock reading (the overdue and due-soon lists query these). */
export function clockColumns(reading: ClockReading) {
  return {
    due_on: reading.due,
    due_provisional: Number(reading.provisional),
    waiting_until: reading.waitingUntil,
    clock_state: reading.state,
  };
}

/** The case's clock as of a day, from its stored events. */
export async function readClock(
  trx: Reader,
  row: Pick<CaseRow, 'id' | 'receivedOn'>,
  calendar: WorkCalendar,
  today: string,
): Promise<ClockReading> {
  const events = await loadClockEvents(trx, row.id);
  return storedClock({ received: row.receivedOn, events }, calendar, today);
}
