/**
 * 公开时限 (a 标准目录 entry's deadline, docs/catalog.md) as catalogues write it, read into a rule:
 *
 * - within N working or calendar days of an event — “信息形成或变更之日起20个工作日内”,
 *   “自预算批复后20日内”, “本级人民代表大会或其常务委员会批准后20日内”, “20工作日”;
 * - a date in every period — “每年9月底前”, “每年3月31日前”, “每月10日前”, “每季度” (by the
 *   quarter's last day), “每季度结束后15日内”, “每半年”;
 * - not checkable by date — “实时”, “长期公开”, “按要求及时公开”, anything else: kept as written and
 *   shown as 无法自动检查 (not an error).
 *
 * Working days are the platform's official calendar's (passed in). Pure: no clock.
 */
import { addDays, daysInMonth } from '../calendar/days.ts';
import type { WorkCalendar } from '../calendar/types.ts';

/** Working days (the official calendar), calendar days, or calendar months. */
export type DayUnit = 'working' | 'calendar' | 'month';
export const PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** When, in a period, the entry's items are due. */
export type PeriodDue =
  /** by the period's last day (每季度) */
  | { at: 'end' }
  /** N days after the period ends (每季度结束后15日内) */
  | { at: 'after_end'; days: number; unit: DayUnit }
  /** a day of the period: a month's day (每月10日前) or, for a year, month and day (每年9月底前) */
  | { at: 'date'; month: number | null; day: number | 'end' };

export type UncheckedReason = 'realtime' | 'standing' | 'timely' | 'unknown';

export type DeadlineRule =
  | { kind: 'after_event'; event: string; days: number; unit: DayUnit }
  | { kind: 'periodic'; period: Period; due: PeriodDue }
  | { kind: 'unchecked'; reason: UncheckedReason };

const PERIOD_LABELS: Record<Period, string> = { month: '月', quarter: '季度', half: '半年', year: '年' };
const UNIT_LABELS: Record<DayUnit, string> = { working: '个工作日', calendar: '日', month: '个月' };
export const UNCHECKED_LABELS: Record<UncheckedReason, string> = {
  realtime: '实时公开，没有固定日期',
  standing: '长期公开，没有固定日期',
  timely: '“及时公开”没有具体期限',
  unknown: '未能识别期限',
};

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二十 → 20, 十五 → 15, 三十一 → 31, 九 → 9 (up to 99). */
function chineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten < 0) return DIGITS[text] ?? Number.NaN;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? Number.NaN);
  const ones = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + ones;
}

/** The text as matched: full-width folded, spaces dropped, Chinese numbers before a unit as digits. */
export function normalizeDeadline(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/([零〇一二两三四五六七八九十]+)(?=个|工作日|日|天|月|季)/g, (m) => {
      const n = chineseNumber(m);
      return Number.isNaN(n) ? m : String(n);
    });
}

const DAY_SPAN = /(\d{1,3})(个月|个?工作日|自然日|日|天)(?:内|以内|之内)?/;

function unitOf(word: string): DayUnit {
  if (word === '个月') return 'month';
  return word.endsWith('工作日') ? 'working' : 'calendar';
}

const PERIOD_WORDS: Record<string, Period> = { 月: 'month', 季: 'quarter', 半年: 'half', 年: 'year' };

/** The period a text repeats in: 每月/按季度/每半年/每年, or the period whose end it counts from (年度终了后). */
function periodIn(t: string): Period | null {
  const every = /(?:每|按|逐)个?(半年|月|季|年)/.exec(t);
  const ending = /(半年|月|季|年)度?(?:结束|终了|届满|末)/.exec(t);
  const word = every?.[1] ?? ending?.[1];
  return word ? (PERIOD_WORDS[word] ?? null) : null;
}

function periodicRule(t: string): DeadlineRule | null {
  const afterEnd = /(?:结束|终了|届满|末)(?:之日)?(?:后|起)(\d{1,3})(个月|个?工作日|自然日|日|天)/.exec(t);
  const monthDay = /(?:^|每年|次年|年)(\d{1,2})月(?:(\d{1,2})日|底|末)/.exec(t);
  const period = periodIn(t);
  if (afterEnd && period)
    return {
      kind: 'periodic',
      period,
      due: { at: 'after_end', days: Number(afterEnd[1]), unit: unitOf(afterEnd[2] ?? '') },
    };
  if (monthDay && (period === 'year' || period === null)) {
    const month = Number(monthDay[1]);
    const day = monthDay[2] ? Number(monthDay[2]) : 'end';
    if (month < 1 || month > 12 || (day !== 'end' && (day < 1 || day > daysInMonth(2025, month))))
      return null;
    return { kind: 'periodic', period: 'year', due: { at: 'date', month, day } };
  }
  const monthly = /每月(\d{1,2})日/.exec(t);
  if (period === 'month' && monthly) {
    const day = Number(monthly[1]);
    if (day < 1 || day > 31) return null;
    return { kind: 'periodic', period: 'month', due: { at: 'date', month: null, day } };
  }
  if (period) return { kind: 'periodic', period, due: { at: 'end' } };
  return null;
}

/** The event before “之日起/后 N日内”, without the words around it (“自…之日起”). */
function eventOf(before: string): string {
  return before
    .replace(/^(?:自|从|在|于|应于|应当自|应自)/, '')
    .replace(/(?:之日起|之日后|之日|起|后|以后|之后)$/, '')
    .replace(/[，,、:：]$/, '');
}

/** A 公开时限 as written → its rule (never throws: what is not understood is `unchecked`). */
export function parseDeadline(text: string): DeadlineRule {
  const t = normalizeDeadline(text);
  if (t === '') return { kind: 'unchecked', reason: 'unknown' };
  const periodic = periodicRule(t);
  if (periodic) return periodic;
  const span = DAY_SPAN.exec(t);
  if (span && Number(span[1]) > 0)
    return {
      kind: 'after_event',
      event: eventOf(t.slice(0, span.index)),
      days: Number(span[1]),
      unit: unitOf(span[2] ?? ''),
    };
  if (/实时|即时/.test(t)) return { kind: 'unchecked', reason: 'realtime' };
  if (/长期|常态|常年|持续/.test(t)) return { kind: 'unchecked', reason: 'standing' };
  if (/及时|按要求|按规定|随时|同上/.test(t)) return { kind: 'unchecked', reason: 'timely' };
  return { kind: 'unchecked', reason: 'unknown' };
}

/** Whether the inspection checks the rule by date (a date in every period). */
export function checkable(rule: DeadlineRule): boolean {
  return rule.kind === 'periodic';
}

function dueLabel(period: Period, due: PeriodDue): string {
  const every = `每${PERIOD_LABELS[period]}`;
  if (due.at === 'end') return `${every}结束前（当${PERIOD_LABELS[period]}最后一日）`;
  if (due.at === 'after_end') return `${every}结束后${due.days}${UNIT_LABELS[due.unit]}内`;
  const day = due.day === 'end' ? '底' : `${due.day}日`;
  return due.month === null ? `${every}${day}前` : `${every}${due.month}月${day}前`;
}

/** The rule in Chinese, as the console and the CLI show it back. */
export function describeDeadline(rule: DeadlineRule): string {
  if (rule.kind === 'after_event')
    return `${rule.event || '事项发生'}之日起${rule.days}${UNIT_LABELS[rule.unit]}内（按事件计时，不按日期检查）`;
  if (rule.kind === 'periodic') return dueLabel(rule.period, rule.due);
  return `无法自动检查：${UNCHECKED_LABELS[rule.reason]}`;
}

/** A period of the calendar: its first and last day. */
export interface PeriodSpan {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS: Record<Period, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The period of `kind` holding `date`, or the `offset`-th one before (-1) or after it. */
export function periodAt(kind: Period, date: string, offset = 0): PeriodSpan {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const size = MONTHS[kind];
  const index = year * 12 + Math.floor((month - 1) / size) * size + offset * size;
  const startYear = Math.floor(index / 12);
  const startMonth = (index % 12) + 1;
  const endIndex = index + size - 1;
  const endYear = Math.floor(endIndex / 12);
  const endMonth = (endIndex % 12) + 1;
  return {
    start: `${startYear}-${pad(startMonth)}-01`,
    end: `${endYear}-${pad(endMonth)}-${pad(daysInMonth(endYear, endMonth))}`,
  };
}

/** The day a period's items are due under the rule (working days on the official calendar). */
export function periodDueOn(
  span: PeriodSpan,
  due: PeriodDue,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): string {
  if (due.at === 'end') return span.end;
  if (due.at === 'after_end') return addSpan(span.end, due.days, due.unit, calendar);
  const year = Number(span.start.slice(0, 4));
  const month = due.month ?? Number(span.start.slice(5, 7));
  const day = due.day === 'end' ? daysInMonth(year, month) : Math.min(due.day, daysInMonth(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** An event rule's due day for an event on `eventOn` (“如今天形成，应于…前公开”). */
export function dueAfterEvent(
  rule: Extract<DeadlineRule, { kind: 'after_event' }>,
  eventOn: string,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): string {
  return addSpan(eventOn, rule.days, rule.unit, calendar);
}

/** `date` + n working days, calendar days or months (a month's missing day: its last, 08-31 + 6 → 02-28). */
function addSpan(
  date: string,
  n: number,
  unit: DayUnit,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): string {
  if (unit === 'working') return calendar.addWorkingDays(date, n);
  if (unit === 'calendar') return addDays(date, n);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)))}`;
}
