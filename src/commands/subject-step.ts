/**
 * The one write pipeline of a step on a subject with a state machine — a request case
 * (requests/apply-case-action.ts) or a published item (items/run-item-action.ts) — in one
 * transaction: load → version check → lock → policy → transition → step → update → event →
 * afterWrite. The subject's store says how to load, lock and update its row; the step holds the
 * action's own rules. Nothing is written when a check fails; of two people acting at once one
 * wins, the other gets a conflict (db/conflict.ts, in the subject's words). A note — a change that
 * does not move the state (an attachment, a letter sent) — runs the same way without the
 * transition (`runSubjectNote`).
 */
import { rethrowConflict } from '../db/conflict.ts';
import { appendEvent } from '../db/events.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../errors.ts';
import type { Actor, CommandContext, Trx } from './context.ts';

/** A state machine's answer: the state after, or why not. */
export type Moved<S> = { ok: true; to: S } | { ok: false; message: string };

/** How a kind of subject is stored. */
export interface SubjectStore<Row, S extends string, Stored, C> {
  /** the Chinese noun of messages: 申请, 信息 */
  noun: string;
  /** the event log's subject type and event-name prefix: `request` / `requests.` */
  subjectType: string;
  eventPrefix: string;
  /** the row of an agency, or not_found */
  load(trx: Trx, agencyId: number, id: number): Promise<Row>;
  idOf(row: Row): number;
  agencyOf(row: Row): number;
  versionOf(row: Row): number;
  stateOf(row: Row): S;
  /** takes the row for this transaction (concurrent writers queue) */
  lock?(trx: Trx, row: Row): Promise<void>;
  /** stores the new state and the step's columns at an instant; returns the row as stored */
  update(trx: Trx, row: Row, to: S, columns: C | undefined, at: Date): Promise<Stored>;
}

/** What a step computed: the event, the row's columns, more writes after them. */
export interface SubjectStepResult<Stored, C> {
  eventType: string;
  /** the day it happened (cases: the clock reads it) */
  occurredOn?: string;
  /** what the event records (the input, before → after) */
  data: Record<string, unknown>;
  /** the row's columns besides its state and version */
  columns?: C;
  /** more writes in the same transaction, given the event and the row as stored */
  afterWrite?: (trx: Trx, eventId: number, stored: Stored) => Promise<void>;
}

/** One action on one subject. */
export interface SubjectAction<Row, S extends string, Stored, C> {
  agencyId: number;
  id: number;
  /** the version the user saw; another change since then is a conflict */
  expectedVersion: number;
  /** the policy: why the actor may not (the 403 message), or null */
  refusal(row: Row): string | null;
  transition(from: S): Moved<S>;
  step(trx: Trx, row: Row, to: S): Promise<SubjectStepResult<Stored, C>>;
}

export interface SubjectStepDone<Row, S, Stored> {
  row: Row;
  stored: Stored;
  to: S;
  eventId: number;
}

/** Runs one action through the pipeline, in one transaction (the caller's when ctx.db is one). */
export async function runSubjectStep<Row, S extends string, Stored, C>(
  ctx: CommandContext<Actor>,
  store: SubjectStore<Row, S, Stored, C>,
  action: SubjectAction<Row, S, Stored, C>,
): Promise<SubjectStepDone<Row, S, Stored>> {
  return onSubject(ctx, store, action, async (trx, row) => {
    const refusal = action.refusal(row);
    if (refusal) throw new AppError('forbidden', refusal);
    const from = store.stateOf(row);
    const moved = action.transition(from);
    if (!moved.ok) throw new AppError('invalid_state', moved.message);
    const done = await action.step(trx, row, moved.to);
    const at = ctx.clock.now();
    const stored = await store.update(trx, row, moved.to, done.columns, at);
    const eventId = await appendSubjectEvent(ctx, trx, store, row, done, at, moved.to);
    await done.afterWrite?.(trx, eventId, stored);
    return { row, stored, to: moved.to, eventId };
  });
}

/** What a note records: its event (none: nothing to record) and what the command answers. */
export interface SubjectNoted<T> {
  event?: Pick<SubjectStepResult<unknown, unknown>, 'eventType' | 'occurredOn' | 'data'>;
  /** more writes in the same transaction once the event is stored (a recomputed clock) */
  afterEvent?: (trx: Trx) => Promise<void>;
  result: T;
}

/**
 * A step that records something about a subject without moving its state (an attachment, a letter
 * sent, a review case, a view of a protected field): the same load → version check → lock →
 * event → conflict as a step, the state unchanged in the event.
 */
export interface SubjectNote<Row, T> {
  agencyId: number;
  id: number;
  /** the version the user saw; left out, the note is added to whatever version there is */
  expectedVersion?: number;
  /** false: the note does not take the row (a view must not turn others' edits into conflicts) */
  lock?: boolean;
  note(trx: Trx, row: Row): Promise<SubjectNoted<T>>;
}

/** Runs a note through the pipeline, in one transaction. */
export async function runSubjectNote<Row, S extends string, T>(
  ctx: CommandContext<Actor>,
  store: SubjectStore<Row, S, unknown, unknown>,
  note: SubjectNote<Row, T>,
): Promise<T> {
  return onSubject(ctx, store, note, async (trx, row) => {
    const { event, afterEvent, result } = await note.note(trx, row);
    if (event) await appendSubjectEvent(ctx, trx, store, row, event, ctx.clock.now(), store.stateOf(row));
    await afterEvent?.(trx);
    return result;
  });
}

/** load → version check → lock, then `body`, in one transaction; conflicts in the subject's words. */
async function onSubject<Row, T>(
  ctx: CommandContext<Actor>,
  store: SubjectStore<Row, string, unknown, unknown>,
  target: { agencyId: number; id: number; expectedVersion?: number; lock?: boolean },
  body: (trx: Trx, row: Row) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const row = await store.load(trx, target.agencyId, target.id);
      const version = store.versionOf(row);
      if (target.expectedVersion !== undefined && version !== target.expectedVersion) {
        throw new AppError(
          'conflict',
          `该${store.noun}已被修改（当前版本 ${version}，您看到的是版本 ${target.expectedVersion}），请刷新后重试。`,
        );
      }
      // Take the row first (every writer of the subject does), so concurrent writers queue, never deadlock.
      if (target.lock !== false) await store.lock?.(trx, row);
      return await body(trx, row);
    });
  } catch (error) {
    return rethrowConflict(error, `该${store.noun}刚被其他人修改，请刷新后重试。`);
  }
}

/** The subject's event `<prefix><type>`, from its state before to `after`. */
function appendSubjectEvent<Row>(
  ctx: CommandContext<Actor>,
  trx: Trx,
  store: SubjectStore<Row, string, unknown, unknown>,
  row: Row,
  event: Pick<SubjectStepResult<unknown, unknown>, 'eventType' | 'occurredOn' | 'data'>,
  at: Date,
  after: string,
): Promise<number> {
  return appendEvent(trx, {
    name: `${store.eventPrefix}${event.eventType}`,
    subject: { type: store.subjectType, id: store.idOf(row) },
    agency: store.agencyOf(row),
    actor: ctx.actor.username,
    at,
    occurredOn: event.occurredOn,
    state: { before: store.stateOf(row), after },
    data: event.data,
  });
}
