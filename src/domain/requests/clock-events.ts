/**
 * What happens to a request that moves its answer deadline (条例 第三十条–第三十五条, 109号).
 * Dates are ISO text; `on` is the day it happened. This is the input of the clock (a pure function
 * of these events and the calendar) and the `events` of `gongkai clock FILE` (docs/clock.md).
 */
export type ClockEvent =
  /** 第三十条: the agency asks once, within 7 working days of receipt, for a correction; `until` is the applicant's period set by staff */
  | { type: 'correction_requested'; on: string; until?: string }
  /** 第三十条: the corrected application arrives: the 20 working days restart from this day */
  | { type: 'correction_received'; on: string }
  /** 第三十二条 / 第三十四条: a letter to a third party or another agency: the clock pauses */
  | { type: 'consultation_sent'; on: string }
  /** the reply arrives: the clock runs again (it also runs again after 15 working days without one) */
  | { type: 'consultation_replied'; on: string }
  /** 第三十三条: extension approved by the head of the disclosure office: at most 20 working days in all */
  | { type: 'extended'; on: string; days: number }
  /** 109号: a fee notice pauses the clock until payment; unpaid after 20 working days → other.no_fee */
  | { type: 'fee_notice'; on: string }
  | { type: 'fee_paid'; on: string }
  /** 第三十五条: reasons asked for an unreasonable number or frequency of applications (the clock keeps running) */
  | { type: 'reasons_requested'; on: string }
  /** 第三十五条: reasons accepted, answer by a reasonable later date set by staff */
  | { type: 'later_date_set'; on: string; until: string }
  /** the request is answered (or otherwise closed) */
  | { type: 'decided'; on: string };

export type ClockEventType = ClockEvent['type'];

/** The state of a request's clock on a given day. */
export interface ClockReading {
  /** the answer deadline, counted on the calendar */
  due: string;
  /** true when the count touches a year whose official holiday notice the calendar lacks */
  provisional: boolean;
  /** those years */
  provisionalYears: number[];
  workingDaysUsed: number;
  /** negative when overdue */
  workingDaysLeft: number;
  overdue: boolean;
  state:
    | 'running'
    | 'awaiting_correction'
    | 'correction_lapsed'
    | 'in_consultation'
    | 'awaiting_fee'
    | 'fee_lapsed'
    | 'decided';
  /** the date a pending wait ends (correction period, consultation limit, fee payment limit), if any */
  waitingUntil: string | null;
}

/** The events that move a request's clock, by type (a case's other events leave it alone). */
export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = [
  'correction_requested',
  'correction_received',
  'consultation_sent',
  'consultation_replied',
  'extended',
  'fee_notice',
  'fee_paid',
  'reasons_requested',
  'later_date_set',
  'decided',
];

const CLOCK_TYPE_SET = new Set<string>(CLOCK_EVENT_TYPES);

/** Whether a case event's type moves the clock. */
export function isClockEventType(type: string): type is ClockEventType {
  return CLOCK_TYPE_SET.has(type);
}

/** The only clock events with fields besides `type` and `on` (kept in the stored event's `data.clock`). */
const WITH_FIELDS = new Set<string>(['correction_requested', 'extended', 'later_date_set']);

/**
 * A stored case event as the clock reads it — the one conversion from an event row (its type, its
 * day, its JSON `data` whose `clock` holds the fields) to a ClockEvent; null for an event that does
 * not move the clock. The data is parsed only for the events that carry fields.
 */
export function clockEventOf(type: string, on: string, data: string): ClockEvent | null {
  if (!isClockEventType(type)) return null;
  if (!WITH_FIELDS.has(type)) return { type, on } as ClockEvent;
  const parsed = JSON.parse(data) as { clock?: Record<string, unknown> };
  return { ...(parsed.clock ?? {}), type, on } as ClockEvent;
}
