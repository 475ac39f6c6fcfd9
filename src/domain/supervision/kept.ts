/**
 * Counts kept ahead (issue 15, docs/supervision.md “Counts kept ahead”). The 工作台 and the region's
 * statistics add up every agency's counts of a year; counting millions of rows when asked takes
 * seconds at province scale, so each agency's counts are kept (`kept_counts`) and used while nothing
 * of the agency has changed since. “Every change is an event”: each kept row holds the number of
 * the latest event seen when its count began (the agency's or the calendar's, whichever is later);
 * a later event of the agency, or a change of the calendar (working days move), makes it stale and
 * the agency is counted again. Event numbers, not clocks: a test's clock or a server's skew cannot
 * make a changed row look current.
 *
 * On PostgreSQL two writers of one agency may commit out of order: an event numbered before the
 * latest one seen may commit after the count read the rows. So a row whose agency had an event
 * within `MAYBE_STALE_MS` before the count began is “maybe” stale — shown, and counted again in
 * the background; anything longer is healed by the nightly recount.
 */
import { OUTCOME_GROUPS, type OutcomeGroup } from '../report/vocabulary.ts';
import { type AgencyCounts, emptyCounts } from './overview.ts';

/**
 * Events that change nothing counted (kinds whose names begin so): the day's 网站自查, 督办, the
 * 标准目录, 年报体检, the 网站工作年度报表, accounts, keys and backups. Any other event of the agency
 * — including kinds added later — makes its kept rows stale: unknown means changed.
 */
export const UNCOUNTED_EVENT_PREFIXES = [
  'inspection.',
  'supervision.',
  'catalog.',
  'report_checks.',
  'website_report.',
  'users.',
  'keys.',
  'backups.',
] as const;

/** How long before a count an event may have been recorded yet committed after the count read. */
export const MAYBE_STALE_MS = 10 * 60 * 1000;
/** At most this many changed agencies are counted again while a reader waits; the rest in the background. */
export const INLINE_RECOUNT_LIMIT = 100;

/** A kept row's state against the changes recorded since its count. */
export type Freshness = 'missing' | 'changed' | 'maybe' | 'fresh';

/** What a kept row says of its count. */
export interface KeptMark {
  /** the latest event's number (the agency's or the calendar's) when the count began */
  seenEvent: number;
  /** ISO instant the count began */
  countedAt: string;
}

/**
 * A kept row's freshness: `missing` (never counted), `changed` (an event of the agency or of the
 * calendar numbered after the one the count saw), `maybe` (the agency's latest event recorded within
 * `maybeMs` before the count began), `fresh`.
 */
export function freshness(
  kept: KeptMark | undefined,
  latest: { id: number; at: string } | undefined,
  calendarEvent: number,
  maybeMs = MAYBE_STALE_MS,
): Freshness {
  if (kept === undefined) return 'missing';
  if (Math.max(latest?.id ?? 0, calendarEvent) > kept.seenEvent) return 'changed';
  if (latest && Date.parse(latest.at) >= Date.parse(kept.countedAt) - maybeMs) return 'maybe';
  return 'fresh';
}

/** Which agencies to count now (the reader waits) and which later (their kept rows used meanwhile). */
export interface RecountPlan {
  now: number[];
  later: number[];
}

/**
 * The plan for a read: every `missing` agency now (there is nothing to show for it), `changed` ones
 * now up to `limit` (after the missing ones), the rest of them and every `maybe` later.
 */
export function planRecount(
  states: ReadonlyMap<number, Freshness>,
  limit = INLINE_RECOUNT_LIMIT,
): RecountPlan {
  const now: number[] = [];
  const later: number[] = [];
  for (const [id, state] of states) if (state === 'missing') now.push(id);
  let room = Math.max(0, limit - now.length);
  for (const [id, state] of states) {
    if (state === 'changed' && room > 0) {
      now.push(id);
      room--;
    } else if (state === 'changed' || state === 'maybe') later.push(id);
  }
  return { now, later };
}

/**
 * The instant up to which every change is in the figures: `checkedAt` (when the rows' freshness
 * was read) unless some shown rows wait for a recount, then the earliest of their counts.
 */
export function countedUpTo(checkedAt: string, waiting: readonly string[]): string {
  return [checkedAt, ...waiting].sort()[0] ?? checkedAt;
}

/** An agency's 工作台 counts of the year as kept: all but `open` and `overdue` (now's, never kept); JSON, the histogram as [days, n] pairs. */
export function encodeYearCounts(counts: AgencyCounts): string {
  const { answerDays, open: _open, overdue: _overdue, ...rest } = counts;
  return JSON.stringify({ ...rest, answerDays: [...answerDays] });
}

/** A property of a parsed JSON value (undefined when it is not an object or has none). */
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
/** A count as kept: a whole number ≥ 0, anything else (missing, kept by an older version) 0. */
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
const reviewCounts = (value: unknown) => ({
  filed: count(field(value, 'filed')),
  concluded: count(field(value, 'concluded')),
  corrected: count(field(value, 'corrected')),
});

/**
 * A kept row's counts (`open` and `overdue` 0: they are counted when asked); a count missing from it
 * or not a count reads 0. Read field by field rather than through a schema: the province's 工作台
 * decodes 2,000 of them per read.
 */
export function decodeYearCounts(data: string): AgencyCounts {
  const kept: unknown = JSON.parse(data);
  const outcomes = field(kept, 'outcomes');
  const previous = field(kept, 'previous');
  const pairs = field(kept, 'answerDays');
  const answerDays = new Map<number, number>();
  if (Array.isArray(pairs))
    for (const pair of pairs)
      if (Array.isArray(pair) && Number.isInteger(pair[0])) answerDays.set(Number(pair[0]), count(pair[1]));
  return {
    received: count(field(kept, 'received')),
    open: 0,
    overdue: 0,
    outcomes: emptyOutcomes((g) => count(field(outcomes, g))),
    answerDays,
    reviews: reviewCounts(field(kept, 'reviews')),
    suits: reviewCounts(field(kept, 'suits')),
    published: count(field(kept, 'published')),
    late: count(field(kept, 'late')),
    previous: {
      received: count(field(previous, 'received')),
      published: count(field(previous, 'published')),
    },
  };
}

function emptyOutcomes(of: (group: OutcomeGroup) => number): Record<OutcomeGroup, number> {
  const out = emptyCounts().outcomes;
  for (const g of OUTCOME_GROUPS) out[g] = of(g);
  return out;
}
