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
  /**
   * 第三十二条 / 第三十四条: a letter to a third party or another agency: the clock pauses. The party's
   * 15 working days run “自收到征求意见书之日起”: from `deliveredOn`, the day it received the letter
   * (送达); while that day is not recorded the pause has no known end.
   */
  | { type: 'consultation_sent'; on: string; deliveredOn?: string }
  /** the reply arrives: the clock runs again (it also runs again 15 working days after receipt without one) */
  | { type: 'consultation_replied'; on: string }
  /** 第三十三条: extension approved by the head of the disclosure office: at most 20 working days in all */
  | { type: 'extended'; on: string; days: number }
  /**
   * 109号: a fee notice pauses the clock until payment; the applicant pays within 20 working days
   * from the day after receiving the notice (`deliveredOn`, its 送达); unpaid by then → other.no_fee.
   * While the receipt is not recorded the period has not started and cannot lapse.
   */
  | { type: 'fee_notice'; on: string; deliveredOn?: string }
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
  /**
   * true while the pending fee notice or consultation letter has no recorded receipt (送达): its
   * period cannot be counted yet (`waitingUntil` is null) and it cannot lapse
   */
  deliveryUnknown: boolean;
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
const WITH_FIELDS = new Set<string>([
  'correction_requested',
  'extended',
  'later_date_set',
  'consultation_sent',
  'fee_notice',
]);

/** The stored events that carry a receipt (送达) the clock reads: a letter's delivery record. */
export const DELIVERY_EVENT_TYPE = 'letter_sent';

/** The letters whose receipt starts a period, by the clock event that sent them. */
const DELIVERED_LETTERS: Record<string, 'fee_notice' | 'consultation_sent'> = {
  fee: 'fee_notice',
  consultation: 'consultation_sent',
};

/** A stored case event: its type (`extended`), its day, its JSON data, its number within the case. */
export interface StoredCaseEvent {
  type: string;
  on: string;
  data: string;
  seq: number;
}

/** One stored event that moves the clock as a ClockEvent (the data parsed only when it carries fields). */
function clockEventOfRow(row: StoredCaseEvent): ClockEvent | null {
  if (!isClockEventType(row.type)) return null;
  if (!WITH_FIELDS.has(row.type)) return { type: row.type, on: row.on } as ClockEvent;
  const parsed = JSON.parse(row.data) as { clock?: Record<string, unknown> };
  return { ...(parsed.clock ?? {}), type: row.type, on: row.on } as ClockEvent;
}

interface DeliveryData {
  kind?: string;
  after?: { sentOn?: string };
  /** written since deliveries reach the clock: the number of the event that sent the letter */
  clock?: { of?: number; deliveredOn?: string };
}

/**
 * A case's stored events (in recorded order) as the clock reads them — the one conversion from
 * event rows (type, day, JSON `data` whose `clock` holds the fields) to ClockEvents. A letter's
 * delivery record (`letter_sent`) of a fee notice or a consultation letter is not an event of its
 * own: its day (送达) becomes the `deliveredOn` of the event that sent the letter (`data.clock.of`,
 * its number; a record written before that field existed goes to the latest such event before it).
 * The last record of a letter wins (a corrected delivery).
 */
export function clockEventsOf(rows: ReadonlyArray<StoredCaseEvent>): ClockEvent[] {
  const events: ClockEvent[] = [];
  const bySeq = new Map<number, ClockEvent>();
  for (const row of rows) {
    if (row.type === DELIVERY_EVENT_TYPE) {
      const data = JSON.parse(row.data) as DeliveryData;
      const sentBy = data.kind === undefined ? undefined : DELIVERED_LETTERS[data.kind];
      const deliveredOn = data.clock?.deliveredOn ?? data.after?.sentOn;
      if (!sentBy || !deliveredOn) continue;
      const target =
        data.clock?.of !== undefined
          ? bySeq.get(data.clock.of)
          : events.findLast((event) => event.type === sentBy);
      if (
        target &&
        (target.type === 'fee_notice' || target.type === 'consultation_sent') &&
        target.type === sentBy
      )
        target.deliveredOn = deliveredOn;
      continue;
    }
    const event = clockEventOfRow(row);
    if (!event) continue;
    events.push(event);
    bySeq.set(row.seq, event);
  }
  return events;
}
