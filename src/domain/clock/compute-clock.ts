/**
 * The request clock: how many working days of the answer period are used and left, and when the
 * answer is due, as a pure function of the received date, the events and the calendar.
 *
 * The rules (条例 = 政府信息公开条例 2019; 109号 = 信息处理费管理办法), “N working days after D”
 * never counting D itself:
 * - 第三十三条: the answer is due 20 working days after the day of receipt (第三十一条 fixes that day).
 *   An extension adds its days; at most 20 in all (validate.ts refuses more).
 * - 第三十条: a correction notice, only within 7 working days of receipt (validate.ts), stops the
 *   clock (`awaiting_correction`); the corrected application restarts the 20 days from the day it
 *   arrives. If the applicant's period (`until`) passes with none recorded: `correction_lapsed`.
 * - 第三十二条 (“第三方应当自收到征求意见书之日起15个工作日内提出意见”), 第三十四条 (the same for another
 *   agency), 第三十三条第三款 (“征求第三方和其他机关意见所需时间不计算在前款规定的期限内”): from a
 *   consultation letter the working days after the sending day up to and including the reply day
 *   are not counted, up to the 15th working day after the party RECEIVED the letter (its 送达,
 *   `deliveredOn`); a letter left unanswered that long no longer holds the clock, and a reply after
 *   that changes nothing. While the receipt is not recorded the pause lasts until the reply
 *   (`deliveryUnknown`).
 * - 109号 (text not stored; the rule of issue 11): from a fee notice the working days after the
 *   notice day up to and including the payment day are not counted; the applicant pays within 20
 *   working days from the day after RECEIVING the notice (`deliveredOn`); unpaid by then:
 *   `fee_lapsed`. While the receipt is not recorded the period has not begun: no lapse
 *   (`deliveryUnknown`).
 * - 第三十五条 (“行政机关可以要求申请人说明理由……认为申请理由合理，但是无法在本条例第三十三条规定的期限内
 *   答复申请人的，可以确定延迟答复的合理期限并告知申请人”): asking for reasons does NOT stop the clock
 *   (the 条例 gives no pause); a later date staff set (延迟答复的合理期限) is then the due date.
 * - A pause counts only when it begins on or before the due date as it stands: the time spent
 *   consulting or awaiting payment is not counted inside the period, but cannot revive a period
 *   that has already run out. Overlapping pauses count each working day once.
 * - `decided`: the reading is as of the decision day. A lapse: as of the last day of the period.
 */
import { addDays } from '../calendar/days.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { unconfirmedYears } from '../calendar/work-calendar.ts';
import type { ClockReading } from '../requests/clock-events.ts';
import { ClockError, type ClockInput } from './problems.ts';
import { foldClockEvents, type Timeline } from './timeline.ts';
import { type ClockOptions, validateClockEvents } from './validate.ts';

/** 第三十三条: the answer period, in working days. */
export const ANSWER_DAYS = 20;

type Lapse = { state: 'correction_lapsed' | 'fee_lapsed'; on: string };

/** The first wait whose period ended before `day` with nothing recorded. */
function firstLapse(timeline: Timeline, day: string): Lapse | null {
  let lapse: Lapse | null = null;
  const until = timeline.correction?.until;
  if (until && until < day) lapse = { state: 'correction_lapsed', on: until };
  for (const pause of timeline.pauses) {
    if (pause.kind !== 'fee' || pause.to !== null || pause.limit === null || pause.limit >= day) continue;
    if (!lapse || pause.limit < lapse.on) lapse = { state: 'fee_lapsed', on: pause.limit };
  }
  return lapse;
}

/** The pauses as stretches (from, to] inside (start, day], merged where they overlap. */
function pausedSpans(timeline: Timeline, start: string, day: string): Array<{ from: string; to: string }> {
  const spans = timeline.pauses
    .map((pause) => {
      let to = pause.to ?? day;
      if (pause.kind === 'consultation' && pause.limit !== null && pause.limit < to) to = pause.limit;
      return { from: pause.from < start ? start : pause.from, to: to > day ? day : to };
    })
    .filter((span) => span.to > span.from)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Array<{ from: string; to: string }> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) {
      if (span.to > last.to) last.to = span.to;
    } else merged.push({ ...span });
  }
  return merged;
}

type State = Pick<ClockReading, 'state' | 'waitingUntil' | 'deliveryUnknown'>;

function stateOf(timeline: Timeline, day: string, lapse: Lapse | null): State {
  const known = (state: ClockReading['state'], waitingUntil: string | null): State => ({
    state,
    waitingUntil,
    deliveryUnknown: false,
  });
  if (timeline.decided !== null) return known('decided', null);
  if (lapse) return known(lapse.state, null);
  if (timeline.correction) return known('awaiting_correction', timeline.correction.until);
  const open = timeline.pauses.filter((p) => p.to === null);
  const fee = open.find((p) => p.kind === 'fee');
  if (fee) return { state: 'awaiting_fee', waitingUntil: fee.limit, deliveryUnknown: fee.limit === null };
  const consultation = open.find((p) => p.kind === 'consultation' && (p.limit === null || p.limit >= day));
  if (consultation)
    return {
      state: 'in_consultation',
      waitingUntil: consultation.limit,
      deliveryUnknown: consultation.limit === null,
    };
  return known('running', null);
}

function read(timeline: Timeline, calendar: WorkCalendar, day: string, lapse: Lapse | null): ClockReading {
  // awaiting a correction, the count will restart from the day it arrives: read as if today
  const start = timeline.correction ? day : timeline.start;
  const total = ANSWER_DAYS + timeline.extension;
  let due = calendar.addWorkingDays(start, total);
  let paused = 0;
  for (const span of pausedSpans(timeline, start, day)) {
    if (span.from > due && timeline.laterDate === null) break;
    paused += calendar.workingDaysBetween(span.from, span.to);
    due = calendar.addWorkingDays(start, total + paused);
  }
  const workingDaysUsed = calendar.workingDaysBetween(start, day) - paused;
  let workingDaysLeft = total - workingDaysUsed;
  if (timeline.laterDate !== null) {
    due = timeline.laterDate;
    workingDaysLeft =
      day <= due ? calendar.workingDaysBetween(day, due) : -calendar.workingDaysBetween(due, day);
  }
  const { state, waitingUntil, deliveryUnknown } = stateOf(timeline, day, lapse);
  let last = due > day ? due : day;
  if (waitingUntil !== null && waitingUntil > last) last = waitingUntil;
  const provisionalYears = unconfirmedYears(calendar, addDays(start, 1), last);
  return {
    due,
    provisional: provisionalYears.length > 0,
    provisionalYears,
    workingDaysUsed,
    workingDaysLeft,
    overdue: day > due,
    state,
    waitingUntil,
    deliveryUnknown,
  };
}

/**
 * The clock of a request as of `today` (or of its decision day). Throws a ClockError when the
 * events break a rule (validateClockEvents lists them all).
 */
export function computeClock(
  input: ClockInput,
  calendar: WorkCalendar,
  today: string,
  options: ClockOptions = {},
): ClockReading {
  const problems = validateClockEvents(input, calendar, today, options);
  if (problems.length > 0) throw new ClockError(problems);
  let timeline = foldClockEvents(input, calendar, today);
  if (timeline.decided !== null) return read(timeline, calendar, timeline.decided, null);
  const lapse = firstLapse(timeline, today);
  if (!lapse) return read(timeline, calendar, today, null);
  timeline = foldClockEvents(input, calendar, lapse.on);
  return read(timeline, calendar, lapse.on, lapse);
}
