/**
 * The reads of the deadline recompute: every open case whose clock the platform keeps, with its
 * clock events, in batches of cases by id (one query for the cases, one for their events). The
 * benchmark's baseline (bench/clock.ts) runs exactly these reads.
 */
import { type ClockEvent, clockEventsOf, type StoredCaseEvent } from '../../domain/requests/clock-events.ts';
import type { Reader } from '../context.ts';
import { CLOCK_EVENT_NAMES_STORED, caseEventType } from '../requests/case-store.ts';

/** Cases per batch: two queries per batch, and 2,000 ids stay well inside both databases' parameter limits. */
export const RECOMPUTE_BATCH_SIZE = 2000;

/** The stored clock columns of a case (as `clockColumns` writes them). */
export interface StoredClock {
  due_on: string | null;
  due_provisional: number;
  waiting_until: string | null;
  clock_state: string | null;
}

/** An open case as the recompute reads it. */
export interface OpenCase {
  id: number;
  agencyId: number;
  state: string;
  version: number;
  receivedOn: string;
  stored: StoredClock;
  /** its clock events in recorded order, as the clock reads them */
  events: ClockEvent[];
}

/**
 * Yields the open cases (state not `decided`, every agency) that have a stored clock, ordered by
 * id, `batchSize` at a time. Imported report records without a clock (`due_on` null) are not cases
 * the platform tracks and are skipped. Works inside a transaction or outside one.
 */
export async function* readOpenCaseBatches(
  reader: Reader,
  batchSize: number = RECOMPUTE_BATCH_SIZE,
): AsyncGenerator<OpenCase[]> {
  let after = 0;
  for (;;) {
    const rows = await reader
      .selectFrom('requests')
      .select(['id', 'agency_id', 'state', 'version', 'received_on'])
      .select(['due_on', 'due_provisional', 'waiting_until', 'clock_state'])
      .where('state', '<>', 'decided')
      .where('due_on', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    const events = await reader
      .selectFrom('events')
      .select(['subject_id', 'name', 'occurred_on', 'data', 'seq'])
      .where('subject_type', '=', 'request')
      .where(
        'subject_id',
        'in',
        rows.map((r) => String(r.id)),
      )
      .where('name', 'in', CLOCK_EVENT_NAMES_STORED)
      .orderBy('subject_id')
      .orderBy('seq')
      .execute();
    const rowsByCase = new Map<number, StoredCaseEvent[]>();
    for (const e of events) {
      const id = Number(e.subject_id);
      const row = { type: caseEventType(e.name), on: e.occurred_on ?? '', data: e.data, seq: e.seq };
      const list = rowsByCase.get(id);
      if (list) list.push(row);
      else rowsByCase.set(id, [row]);
    }
    const byCase = new Map<number, ClockEvent[]>();
    for (const [id, list] of rowsByCase) byCase.set(id, clockEventsOf(list));
    yield rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      state: r.state,
      version: r.version,
      receivedOn: r.received_on,
      stored: {
        due_on: r.due_on,
        due_provisional: Number(r.due_provisional),
        waiting_until: r.waiting_until,
        clock_state: r.clock_state,
      },
      events: byCase.get(r.id) ?? [],
    }));
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}
