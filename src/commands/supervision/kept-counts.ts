/**
 * Reading agencies' counts of a year through `kept_counts` (domain/supervision/kept.ts): the kept
 * rows still right are used as they are; agencies never counted, and those changed since (up to
 * INLINE_RECOUNT_LIMIT), are counted while the reader waits and kept; the other changed ones and
 * the “maybe” ones are shown as kept and counted again in the background (one recount at a time
 * per kind, year and agency in this process). The figures say up to when every change is in
 * (`countedUpTo`) and how many agencies wait for their recount.
 */
import type { Db } from '../../db/connection.ts';
import {
  type KeptRow,
  keepCounts,
  latestCalendarEvent,
  latestEvents,
  readKept,
} from '../../db/queries/kept-counts.ts';
import {
  countedUpTo,
  type Freshness,
  freshness,
  INLINE_RECOUNT_LIMIT,
  planRecount,
} from '../../domain/supervision/kept.ts';
import type { Clock } from '../context.ts';

/** What is kept of a kind: how to count agencies and how their counts are written and read. */
export interface KeptKind<T> {
  /** `overview`, `cells` */
  kind: string;
  /** counts the agencies' year (an agency missing from the answer has nothing to count) */
  count(ids: readonly number[], year: number): Promise<Map<number, T>>;
  encode(value: T): string;
  decode(data: string): T;
}

/** Agencies' counts with how current they are. */
export interface KeptRead<T> {
  values: Map<number, T>;
  /** ISO instant up to which every change is in the figures */
  countedUpTo: string;
  /** agencies shown as kept while their recount runs */
  pending: number;
}

/**
 * Counts the agencies now and keeps what was counted (an agency with nothing counted is kept as
 * `null`). Each agency's row is marked with the latest event seen before counting — its own or the
 * calendar's — from `seen` when the caller has just read them.
 */
export async function recount<T>(
  db: Db,
  clock: Clock,
  spec: KeptKind<T>,
  year: number,
  ids: readonly number[],
  seen?: { latest: ReadonlyMap<number, { id: number }>; calendar: number; at: string },
): Promise<Map<number, T>> {
  if (ids.length === 0) return new Map();
  const mark = seen ?? {
    latest: await latestEvents(db, ids),
    calendar: await latestCalendarEvent(db),
    at: clock.now().toISOString(),
  };
  const counted = await spec.count(ids, year);
  const rows = new Map<number, KeptRow>();
  for (const id of ids) {
    const value = counted.get(id);
    rows.set(id, {
      data: value === undefined ? 'null' : spec.encode(value),
      seenEvent: Math.max(mark.latest.get(id)?.id ?? 0, mark.calendar),
      countedAt: mark.at,
    });
  }
  await keepCounts(db, spec.kind, year, rows);
  return counted;
}

const running = new Map<string, Promise<void>>();

/** Waits for the background recounts of this process (a server closing, a test). */
export async function settleRecounts(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}

/** Starts a background recount of the agencies not already being recounted for the kind and year. */
function recountLater<T>(
  db: Db,
  clock: Clock,
  spec: KeptKind<T>,
  year: number,
  ids: readonly number[],
  onError: (error: unknown) => void,
): void {
  const key = (id: number) => `${spec.kind}|${year}|${id}`;
  const todo = ids.filter((id) => !running.has(key(id)));
  if (todo.length === 0) return;
  const job = recount(db, clock, spec, year, todo).then(
    () => undefined,
    (error: unknown) => onError(error),
  );
  const done = job.finally(() => {
    for (const id of todo) running.delete(key(id));
  });
  for (const id of todo) running.set(key(id), done);
}

/** The agencies' counts of a year: kept where still right, counted now or later as planned. */
export async function readKeptCounts<T>(
  db: Db,
  clock: Clock,
  spec: KeptKind<T>,
  year: number,
  ids: readonly number[],
  options: { inlineLimit?: number; onError?: (error: unknown) => void } = {},
): Promise<KeptRead<T>> {
  const checkedAt = clock.now().toISOString();
  const [kept, latest, calendar] = await Promise.all([
    readKept(db, spec.kind, year, ids),
    latestEvents(db, ids),
    latestCalendarEvent(db),
  ]);
  const states = new Map<number, Freshness>(
    ids.map((id) => [id, freshness(kept.get(id), latest.get(id), calendar)]),
  );
  const plan = planRecount(states, options.inlineLimit ?? INLINE_RECOUNT_LIMIT);
  const values = new Map<number, T>();
  const use = (id: number, row: KeptRow | undefined) => {
    if (row && row.data !== 'null') values.set(id, spec.decode(row.data));
  };
  const countNow = new Set(plan.now);
  for (const id of ids) if (!countNow.has(id)) use(id, kept.get(id));
  // the events just read were the latest when this read began: the marks of the counts made now
  const counted = await recount(db, clock, spec, year, plan.now, { latest, calendar, at: checkedAt });
  for (const [id, value] of counted) values.set(id, value);
  const waiting = plan.later.filter((id) => states.get(id) === 'changed');
  recountLater(db, clock, spec, year, plan.later, options.onError ?? ((error) => console.error(error)));
  return {
    values,
    countedUpTo: countedUpTo(
      checkedAt,
      waiting.flatMap((id) => kept.get(id)?.countedAt ?? []),
    ),
    pending: waiting.length,
  };
}
