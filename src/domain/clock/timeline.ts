/**
 * The events of a request folded, in date order, into what the clock needs: where the count
 * starts, the extension, the pauses and the waits. Events of the same day keep their input order.
 */
import type { WorkCalendar } from '../calendar/types.ts';
import type { ClockEvent } from '../requests/clock-events.ts';
import type { ClockInput } from './problems.ts';
import { CONSULTATION_DAYS } from './validate.ts';

/**
 * 109号 (its text is not stored, docs/law.md §5; the rule as issue 11 states it): the applicant pays
 * within 20 working days from the day after receiving (送达) the fee notice.
 */
export const FEE_PAYMENT_DAYS = 20;

/**
 * A stretch in which the clock does not run: the working days after `from` up to and including
 * `to` (`null` while it lasts). `limit` is the last day it can hold the clock (consultation: 15
 * working days after the party received the letter, 第三十二条/第三十四条) or the payment deadline
 * (fee: 20 working days after the applicant received the notice, 109号); `null` while that receipt
 * (送达) is not recorded: the wait then has no known end and cannot lapse.
 */
export interface Pause {
  kind: 'consultation' | 'fee';
  from: string;
  to: string | null;
  limit: string | null;
}

/** The folded events. */
export interface Timeline {
  /** the day the 20 working days run from: received, or the last correction received (第三十条) */
  start: string;
  /** working days added by extensions (第三十三条) */
  extension: number;
  pauses: Pause[];
  /** an unanswered correction notice (第三十条): the day it went out and the applicant's period */
  correction: { on: string; until: string | null } | null;
  /** 第三十五条: the 延迟答复的合理期限 set by staff (asking for reasons itself pauses nothing) */
  laterDate: string | null;
  decided: string | null;
}

function close(pauses: Pause[], kind: Pause['kind'], on: string): void {
  for (let i = pauses.length - 1; i >= 0; i--) {
    if (pauses[i].kind === kind && pauses[i].to === null) {
      pauses[i].to = on;
      return;
    }
  }
}

/** The events up to and including `through`, in date order (stable). */
export function eventsThrough(events: ReadonlyArray<ClockEvent>, through: string): ClockEvent[] {
  return events
    .filter((event) => event.on <= through)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** Folds the (validated) events up to and including `through`. */
export function foldClockEvents(input: ClockInput, calendar: WorkCalendar, through: string): Timeline {
  const timeline: Timeline = {
    start: input.received,
    extension: 0,
    pauses: [],
    correction: null,
    laterDate: null,
    decided: null,
  };
  const { pauses } = timeline;
  for (const event of eventsThrough(input.events, through)) {
    switch (event.type) {
      case 'correction_requested':
        timeline.correction = { on: event.on, until: event.until ?? null };
        break;
      case 'correction_received':
        timeline.start = event.on;
        timeline.correction = null;
        break;
      case 'consultation_sent':
        // 第三十二条、第三十四条: “应当自收到征求意见书之日起15个工作日内提出意见”
        close(pauses, 'consultation', event.on);
        pauses.push({
          kind: 'consultation',
          from: event.on,
          to: null,
          limit: event.deliveredOn ? calendar.addWorkingDays(event.deliveredOn, CONSULTATION_DAYS) : null,
        });
        break;
      case 'consultation_replied':
        close(pauses, 'consultation', event.on);
        break;
      case 'extended':
        timeline.extension += event.days;
        break;
      case 'fee_notice':
        pauses.push({
          kind: 'fee',
          from: event.on,
          to: null,
          limit: event.deliveredOn ? calendar.addWorkingDays(event.deliveredOn, FEE_PAYMENT_DAYS) : null,
        });
        break;
      case 'fee_paid':
        close(pauses, 'fee', event.on);
        break;
      case 'reasons_requested':
        // 第三十五条 gives no pause: asking for reasons leaves the count alone
        break;
      case 'later_date_set':
        timeline.laterDate = event.until;
        break;
      case 'decided':
        timeline.decided = event.on;
        break;
    }
  }
  return timeline;
}
