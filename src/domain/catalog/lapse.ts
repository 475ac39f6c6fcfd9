/**
 * 标准目录事项逾期未公开 (docs/catalog.md): whether an entry whose 公开时限 is a date in every period
 * (每年9月底前, 每季度, 每月10日前…) has an item published in its mapped columns in time. For the
 * period holding the inspected day and the one before: a period whose due day has passed with
 * nothing published in its columns since the period began is 逾期未公开; a due day within 7 days
 * with nothing yet is 预警. Entries timed from an event (信息形成或变更之日起20个工作日内) or without
 * a date are not checked by date, nor entries mapped to no column. Pure: the calendar is passed in.
 */

import { dayNumber } from '../calendar/days.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { type DeadlineRule, periodAt, periodDueOn } from './deadline.ts';

/** The days before a due day an entry warns (issue 15: an alarm at least 7 days ahead). */
export const CATALOG_ALARM_DAYS = 7;

export const ENTRY_CHECK_STATES = ['ok', 'alarm', 'lapsed', 'unchecked', 'unmapped'] as const;
export type EntryCheckState = (typeof ENTRY_CHECK_STATES)[number];
export const ENTRY_CHECK_LABELS: Record<EntryCheckState, string> = {
  ok: '按时',
  alarm: '即将到期',
  lapsed: '逾期未公开',
  unchecked: '无法自动检查',
  unmapped: '未对应栏目',
};

export interface EntryCheck {
  state: EntryCheckState;
  /** the first day of the period the state is about */
  periodStart: string | null;
  /** the day its items are (were) due */
  dueOn: string | null;
  /** days from the inspected day to `dueOn` (negative: overdue that many days) */
  daysLeft: number | null;
  /** the latest item in its columns on or before the day */
  lastPublishedOn: string | null;
}

/**
 * An entry's state on `today`: `published` are the days items were published in its mapped columns
 * (any order); `mapped` whether it has columns at all.
 */
export function checkEntry(
  rule: DeadlineRule,
  published: readonly string[],
  mapped: boolean,
  today: string,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): EntryCheck {
  const upToToday = published.filter((d) => d <= today);
  const lastPublishedOn = [...upToToday].sort().at(-1) ?? null;
  const none = { periodStart: null, dueOn: null, daysLeft: null, lastPublishedOn };
  if (rule.kind !== 'periodic') return { state: 'unchecked', ...none };
  if (!mapped) return { state: 'unmapped', ...none };
  const days = (due: string) => dayNumber(due) - dayNumber(today);
  const periods = [-1, 0, 1].map((offset) => {
    const span = periodAt(rule.period, today, offset);
    return { start: span.start, dueOn: periodDueOn(span, rule.due, calendar) };
  });
  const publishedSince = (start: string) => upToToday.some((d) => d >= start);
  // the latest period begun whose due day passed with nothing published in its columns since it began
  for (const p of [...periods].reverse())
    if (p.start <= today && p.dueOn < today && !publishedSince(p.start))
      return {
        state: 'lapsed',
        periodStart: p.start,
        dueOn: p.dueOn,
        daysLeft: days(p.dueOn),
        lastPublishedOn,
      };
  // the next due day within 7 days with nothing yet
  const next = periods.find((p) => p.start <= today && p.dueOn >= today && !publishedSince(p.start));
  if (next && days(next.dueOn) <= CATALOG_ALARM_DAYS)
    return {
      state: 'alarm',
      periodStart: next.start,
      dueOn: next.dueOn,
      daysLeft: days(next.dueOn),
      lastPublishedOn,
    };
  const coming = periods.find((p) => p.dueOn >= today) ?? periods[2];
  return {
    state: 'ok',
    periodStart: coming?.start ?? null,
    dueOn: coming?.dueOn ?? null,
    daysLeft: coming ? days(coming.dueOn) : null,
    lastPublishedOn,
  };
}
