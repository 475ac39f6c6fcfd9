/** Calendar arithmetic on ISO dates for the inspection (the rule speaks of 周 and 个月: calendar time, not working days). */
import { addDays, dayNumber, daysInMonth } from '../calendar/days.ts';
import type { UpdatePeriod } from './column-classes.ts';

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day `n` months later, or the month's last day when it has no such day (08-31 + 6 → 02-28). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day a column updated on `last` is still fresh: `last` + the period. */
export function freshUntil(last: string, period: UpdatePeriod): string {
  return 'days' in period ? addDays(last, period.days) : addMonths(last, period.months);
}
