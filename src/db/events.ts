/**
 * The one event log: `appendEvent` is its only writer (and `appendEventBatch`, the same row for
 * many subjects at once, for the deadline recompute). Every change — cases, items, documents,
 * reports, accounts, settings, the calendar — is one row of `events`.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './connection.ts';
import { insertJsonRows, jsonRows } from './json-rows.ts';
import type { Database } from './schema.ts';

/** What an event is about: `request` 7, `item` 12, `normative_document` 3, `calendar_override` 2026-10-08… */
export interface EventSubject {
  type: string;
  id: string | number;
}

/** One event to append. */
export interface NewEvent {
  /** `<area>.<what happened>`: `requests.extended`, `items.published`, `calendar.override_set` */
  name: string;
  subject: EventSubject;
  /** the agency's id; null for the installation's changes (the calendar, platform accounts) */
  agency: number | null;
  /** who: a username, `cli:…` for the command line */
  actor: string;
  /** when it was recorded */
  at: Date;
  /** what changed: before → after, the input */
  data?: Record<string, unknown>;
  /** the day a case's event counts from (the request clock reads it) */
  occurredOn?: string;
  /** a stateful subject's state before → after */
  state?: { before: string | null; after: string };
}

/** The row of an event with its number in the subject's sequence. */
function eventRow(event: NewEvent, seq: number) {
  return {
    agency_id: event.agency,
    name: event.name,
    subject_type: event.subject.type,
    subject_id: String(event.subject.id),
    seq,
    actor: event.actor,
    at: event.at.toISOString(),
    occurred_on: event.occurredOn ?? null,
    state_before: event.state?.before ?? null,
    state_after: event.state?.after ?? null,
    data: JSON.stringify(event.data ?? {}),
  };
}

/**
 * Appends an event with the subject's next number, in one statement (the number is read by the
 * insert itself). A concurrent writer of the same number loses (a unique index): the caller's
 * transaction fails with a write conflict. Returns the event's id.
 */
export async function appendEvent(trx: Kysely<Database>, event: NewEvent): Promise<number> {
  const subjectId = String(event.subject.id);
  const sameAgency = event.agency === null ? sql`agency_id is null` : sql`agency_id = ${event.agency}`;
  const next = sql<number>`(select coalesce(max(seq), 0) + 1 from events
    where subject_type = ${event.subject.type} and subject_id = ${subjectId} and ${sameAgency})`;
  const inserted = await trx
    .insertInto('events')
    .values({ ...eventRow(event, 0), seq: next })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Appends the events of subjects created in the caller's transaction, each with its number in its
 * subject's sequence given (1, 2… — nothing else can have numbered them yet), in one statement for
 * all of them: a batch of registrations (issue 12). Answers the events' ids in the given order; a
 * number already taken makes it fail (the unique index).
 */
export async function appendNewSubjectEvents(
  trx: Kysely<Database>,
  events: ReadonlyArray<{ event: NewEvent; seq: number }>,
): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await trx
    .insertInto('events')
    .values(events.map(({ event, seq }) => eventRow(event, seq)))
    .returning(['id', 'subject_type', 'subject_id', 'seq'])
    .execute();
  const ids = new Map(rows.map((r) => [`${r.subject_type}\u0000${r.subject_id}\u0000${r.seq}`, r.id]));
  return events.map(({ event, seq }) => {
    const id = ids.get(`${event.subject.type}\u0000${String(event.subject.id)}\u0000${seq}`);
    if (id === undefined)
      throw new Error(`event ${event.name} of ${event.subject.type} ${event.subject.id} not stored`);
    return id;
  });
}

/** What the events of a batch share (everything but the subject, its agency, state and data). */
export interface EventBatchCommon {
  name: string;
  subjectType: string;
  actor: string;
  at: Date;
  occurredOn?: string;
}

/** One subject's part of a batch. */
export interface EventBatchRow {
  subjectId: number | string;
  agencyId: number | null;
  state?: { before: string | null; after: string };
  data: Record<string, unknown>;
}

/**
 * Appends the same event to many subjects in one statement (the rows go as one JSON parameter),
 * each with its subject's next number. Used where thousands of subjects move at once.
 */
export async function appendEventBatch(
  trx: Kysely<Database>,
  dialect: Dialect,
  common: EventBatchCommon,
  rows: ReadonlyArray<EventBatchRow>,
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      subject_id: String(r.subjectId),
      agency_id: r.agencyId,
      state_before: r.state?.before ?? null,
      state_after: r.state?.after ?? null,
      data: JSON.stringify(r.data),
    })),
  );
  const columns = {
    subject_id: 'text',
    agency_id: 'integer',
    state_before: 'text',
    state_after: 'text',
    data: 'text',
  } as const;
  await sql`
    insert into events
      (agency_id, name, subject_type, subject_id, seq, actor, at, occurred_on, state_before, state_after, data)
    select v.agency_id, ${common.name}, ${common.subjectType}, v.subject_id,
      (select coalesce(max(e.seq), 0) + 1 from events e
        where e.subject_type = ${common.subjectType} and e.subject_id = v.subject_id
          and coalesce(e.agency_id, 0) = coalesce(v.agency_id, 0)),
      ${common.actor}, ${common.at.toISOString()}, ${common.occurredOn ?? null}, v.state_before,
      v.state_after, v.data
    from ${jsonRows(dialect, json, columns)}`.execute(trx);
}

/** What COPYs rows into a table inside the caller's transaction (commands/import/pg-copy.ts's CopyWriter). */
export interface RowCopier {
  copy<R>(
    table: string,
    columns: readonly string[],
    rows: readonly R[],
    values: (row: R) => readonly (string | number | null)[],
  ): Promise<void>;
}

/**
 * Appends the first event of many new subjects (just created, so numbered 1) in one statement:
 * the imports' rows. A subject that already has an event makes it fail (the unique index). On
 * PostgreSQL the rows go as one JSON parameter (json-rows.ts) instead of eleven parameters a row,
 * or by COPY when the import holds a `copier` on its transaction's connection.
 */
export async function appendFirstEvents(
  trx: Kysely<Database>,
  dialect: Dialect,
  events: ReadonlyArray<NewEvent>,
  copier?: RowCopier,
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => eventRow(event, 1));
  if (copier) await copier.copy('events', Object.keys(EVENT_COLUMNS), rows, eventValues);
  else if (dialect === 'postgres') await insertJsonRows(dialect, 'events', EVENT_COLUMNS, rows).execute(trx);
  else await trx.insertInto('events').values(rows).execute();
}

/** An event row's values in EVENT_COLUMNS' order, for COPY. */
const eventValues = (r: ReturnType<typeof eventRow>) => [
  ...[r.agency_id, r.name, r.subject_type, r.subject_id, r.seq, r.actor],
  ...[r.at, r.occurred_on, r.state_before, r.state_after, r.data],
];

const EVENT_COLUMNS = {
  agency_id: 'integer',
  name: 'text',
  subject_type: 'text',
  subject_id: 'text',
  seq: 'integer',
  actor: 'text',
  at: 'text',
  occurred_on: 'text',
  state_before: 'text',
  state_after: 'text',
  data: 'text',
} as const;
