/**
 * The rules an event must keep before it is stored (the API refuses it otherwise) and before the
 * clock is computed. Each problem names the field; the article is in the message.
 */
import { dayNumber } from '../calendar/days.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { CALENDAR_YEARS } from '../calendar/work-calendar.ts';
import type { ClockEvent } from '../requests/clock-events.ts';
import { CLOCK_EVENT_NAMES, type ClockInput, type ClockProblem, type ClockProblemCode } from './problems.ts';

/** 第三十条: the correction notice goes out within 7 working days of receipt. */
export const CORRECTION_WINDOW_DAYS = 7;
/** 第三十三条: an extension adds at most 20 working days in all. */
export const MAX_EXTENSION_DAYS = 20;
/** 第三十二条, 第三十四条: the consulted party answers within 15 working days. */
export const CONSULTATION_DAYS = 15;

function isDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const year = Number(text.slice(0, 4));
  return !Number.isNaN(dayNumber(text)) && year >= CALENDAR_YEARS.first && year < CALENDAR_YEARS.last;
}

type Problem = (code: ClockProblemCode, field: string, message: string) => void;

/** Field-level checks of one event; true when it can take part in the sequence checks. */
function checkEvent(
  event: ClockEvent,
  at: string,
  input: ClockInput,
  today: string,
  report: Problem,
): boolean {
  if (!Object.hasOwn(CLOCK_EVENT_NAMES, event.type)) {
    report('unknown_event', `${at}.type`, `字段 ${at}.type 的 ${String(event.type)} 不是已知事件`);
    return false;
  }
  if (!isDate(event.on)) {
    report('invalid_date', `${at}.on`, `字段 ${at}.on 应为 2000–2099 年的有效日期（YYYY-MM-DD）`);
    return false;
  }
  const name = CLOCK_EVENT_NAMES[event.type];
  let ok = true;
  if (event.on < input.received) {
    report(
      'before_received',
      `${at}.on`,
      `${name}日期 ${at}.on（${event.on}）早于收到申请日期 ${input.received}`,
    );
    ok = false;
  }
  if (event.on > today) {
    report('after_today', `${at}.on`, `${name}日期 ${at}.on（${event.on}）晚于今天 ${today}`);
    ok = false;
  }
  if (
    (event.type === 'correction_requested' || event.type === 'later_date_set') &&
    event.until !== undefined
  ) {
    if (!isDate(event.until)) {
      report('invalid_date', `${at}.until`, `字段 ${at}.until 应为有效日期（YYYY-MM-DD）`);
      ok = false;
    } else if (event.until <= event.on) {
      report(
        'until_not_after_on',
        `${at}.until`,
        `字段 ${at}.until（${event.until}）应晚于 ${at}.on（${event.on}）`,
      );
      ok = false;
    }
  }
  if (
    (event.type === 'fee_notice' || event.type === 'consultation_sent') &&
    event.deliveredOn !== undefined
  ) {
    // the receipt (送达) the period runs from: a real day, not before the letter went out, not ahead of today
    if (!isDate(event.deliveredOn)) {
      report(
        'invalid_date',
        `${at}.deliveredOn`,
        `字段 ${at}.deliveredOn（送达日期）应为有效日期（YYYY-MM-DD）`,
      );
      ok = false;
    } else if (event.deliveredOn < event.on) {
      report(
        'delivered_before_sent',
        `${at}.deliveredOn`,
        `${name}的送达日期 ${at}.deliveredOn（${event.deliveredOn}）早于发出日期 ${at}.on（${event.on}）`,
      );
      ok = false;
    } else if (event.deliveredOn > today) {
      report(
        'after_today',
        `${at}.deliveredOn`,
        `${name}的送达日期 ${at}.deliveredOn（${event.deliveredOn}）晚于今天 ${today}`,
      );
      ok = false;
    }
  }
  if (event.type === 'extended' && !(Number.isInteger(event.days) && event.days >= 1)) {
    report('invalid_days', `${at}.days`, `字段 ${at}.days 应为 1–${MAX_EXTENSION_DAYS} 的整数工作日数`);
    ok = false;
  }
  return ok;
}

/**
 * Every problem of a clock input as of `today`: bad dates and types, events before receipt or in
 * the future, and the statutory limits — one correction notice within 7 working days (第三十条),
 * extensions of at most 20 working days in all (第三十三条), replies, payments and corrections only
 * while awaited, one open consultation and one open fee notice at a time, nothing after `decided`.
 */
/** How strictly a history is checked. */
export interface ClockOptions {
  /**
   * The first event (by index) whose calendar-dependent windows are checked (the 7-day correction
   * window, the 15-day consultation limit). Stored history was checked when it was recorded, on
   * the calendar of that day; re-reading it after a calendar change must not fail. Default 0.
   */
  windowsFrom?: number;
}

export function validateClockEvents(
  input: ClockInput,
  calendar: WorkCalendar,
  today: string,
  options: ClockOptions = {},
): ClockProblem[] {
  const windowsFrom = options.windowsFrom ?? 0;
  const problems: ClockProblem[] = [];
  const report: Problem = (code, field, message) => problems.push({ code, field, message });
  if (!isDate(input.received))
    report(
      'invalid_date',
      'received',
      '字段 received（收到申请日期）应为 2000–2099 年的有效日期（YYYY-MM-DD）',
    );
  if (!isDate(today)) report('invalid_date', 'today', `今天的日期 ${today} 无效，应为 YYYY-MM-DD`);
  if (problems.length > 0) return problems;
  const order = input.events
    .map((event, i) => ({ event, i, at: `events[${i}]` }))
    .filter(({ event, at }) => checkEvent(event, at, input, today, report))
    .sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : 0));
  const correctionLimit = calendar.addWorkingDays(input.received, CORRECTION_WINDOW_DAYS);
  let corrections = 0;
  let awaitingCorrection = false;
  // the open consultation letter: its limit (15 working days after its receipt), null while unknown
  let consultation: { until: string | null } | null = null;
  let fee = false;
  let extension = 0;
  let decided: string | null = null;
  for (const { event, i, at } of order) {
    // the calendar-dependent windows bind when an event is recorded, not when history is re-read
    const checkWindows = i >= windowsFrom;
    const name = CLOCK_EVENT_NAMES[event.type];
    if (decided !== null) {
      report('after_decided', `${at}.type`, `${name}（${event.on}）在答复（${decided}）之后，申请已办结`);
      continue;
    }
    const notAwaited = (what: string) =>
      report('not_awaited', `${at}.type`, `${name}（${event.on}）之前没有${what}，无法记录`);
    const alreadyOpen = (what: string) =>
      report('already_open', `${at}.type`, `${name}（${event.on}）时上一份${what}尚未了结，请先记录其结果`);
    switch (event.type) {
      case 'correction_requested':
        if (++corrections > 1)
          report(
            'correction_repeated',
            `${at}.type`,
            '第三十条：补正通知只能发出一次（一次性告知需要补正的事项）',
          );
        else if (checkWindows && event.on > correctionLimit)
          report(
            'correction_too_late',
            `${at}.on`,
            `第三十条：补正通知应在收到申请之日起 ${CORRECTION_WINDOW_DAYS} 个工作日内发出（最迟 ${correctionLimit}），${at}.on（${event.on}）已超过期限`,
          );
        awaitingCorrection = true;
        break;
      case 'correction_received':
        if (!awaitingCorrection) notAwaited('补正通知');
        awaitingCorrection = false;
        break;
      case 'consultation_sent':
        // a letter left unanswered 15 working days after its receipt no longer holds the clock
        // (第三十二条); one whose receipt is not recorded still does
        if (checkWindows && consultation && (consultation.until === null || event.on <= consultation.until))
          alreadyOpen('征求意见函');
        consultation = {
          until: event.deliveredOn ? calendar.addWorkingDays(event.deliveredOn, CONSULTATION_DAYS) : null,
        };
        break;
      case 'consultation_replied':
        if (consultation === null) notAwaited('发出征求意见');
        consultation = null;
        break;
      case 'extended':
        extension += event.days;
        if (extension > MAX_EXTENSION_DAYS)
          report(
            'extension_over_limit',
            `${at}.days`,
            `第三十三条：延长答复期限最长不超过 ${MAX_EXTENSION_DAYS} 个工作日，累计已达 ${extension} 个工作日`,
          );
        break;
      case 'fee_notice':
        if (fee) alreadyOpen('收费通知');
        fee = true;
        break;
      case 'fee_paid':
        if (!fee) notAwaited('收费通知');
        fee = false;
        break;
      case 'decided':
        decided = event.on;
        break;
      default:
        break;
    }
  }
  return problems;
}
