/**
 * The working-day calendar (see types.ts), precomputed once for 2000–2100 so that every query is
 * O(1): a flag per day, the running count of working days, and the list of working days.
 *
 * Sources, later ones winning: Monday–Friday; the shipped notices (`chinese-days`); notices an
 * administrator imported (a notice replaces that year's shipped data); the installation's
 * overrides. A year is confirmed when shipped data or an imported notice covers it; any other year
 * is provisional (isConfirmed is false): from 2025 on it is counted with the statutory days off of
 * 放假办法 第二条 and 第六条 (statutory-holidays.ts), weekends as rest; before 2025, Monday–Friday.
 */
import type { CalendarData } from './chinese-days-data.ts';
import { dayNumber, dayNumberOf, isoDate, weekdayOf } from './days.ts';
import type { HolidayNotice } from './notice.ts';
import { STATUTORY_HOLIDAYS_FROM, statutoryDaysOff } from './statutory-holidays.ts';
import type { CalendarOverride, WorkCalendar } from './types.ts';

/** The first and last year the calendar answers for. */
export const CALENDAR_YEARS = { first: 2000, last: 2100 } as const;

/** What a calendar is built from. */
export interface WorkCalendarSources {
  base: CalendarData;
  notices?: HolidayNotice[];
  overrides?: CalendarOverride[];
}

const FIRST = dayNumberOf(CALENDAR_YEARS.first, 1, 1);
const LAST = dayNumberOf(CALENDAR_YEARS.last, 12, 31);
const LENGTH = LAST - FIRST + 1;

function mark(working: Uint8Array, dates: ReadonlyArray<string>, value: 0 | 1, skipYear?: Set<number>): void {
  for (const date of dates) {
    if (skipYear?.has(Number(date.slice(0, 4)))) continue;
    const index = dayNumber(date) - FIRST;
    if (index >= 0 && index < LENGTH) working[index] = value;
  }
}

class PrecomputedCalendar implements WorkCalendar {
  /** countThrough[i]: the working days from FIRST up to and including day i */
  private readonly countThrough = new Int32Array(LENGTH);
  private readonly workingDays: Int32Array;
  private readonly working: Uint8Array;
  private readonly confirmed: ReadonlySet<number>;
  private readonly years: number[];

  constructor(working: Uint8Array, confirmed: Set<number>) {
    this.working = working;
    this.confirmed = confirmed;
    this.years = [...confirmed].sort((a, b) => a - b);
    let count = 0;
    for (let i = 0; i < LENGTH; i++) {
      count += working[i];
      this.countThrough[i] = count;
    }
    this.workingDays = new Int32Array(count);
    for (let i = 0, k = 0; i < LENGTH; i++) if (working[i]) this.workingDays[k++] = i;
  }

  private index(date: string): number {
    const index = dayNumber(date) - FIRST;
    if (Number.isNaN(index)) throw new RangeError(`不是有效日期（YYYY-MM-DD）：${date}`);
    if (index < 0 || index >= LENGTH)
      throw new RangeError(
        `日期 ${date} 超出工作日历的范围（${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} 年）`,
      );
    return index;
  }

  isWorkingDay(date: string): boolean {
    return this.working[this.index(date)] === 1;
  }

  addWorkingDays(date: string, n: number): string {
    const index = this.index(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`);
    if (n === 0) return date;
    const position = this.countThrough[index] + n - 1;
    if (position >= this.workingDays.length)
      throw new RangeError(`${date} 之后第 ${n} 个工作日超出工作日历的范围（至 ${CALENDAR_YEARS.last} 年）`);
    return isoDate(FIRST + this.workingDays[position]);
  }

  workingDaysBetween(a: string, b: string): number {
    const from = this.index(a);
    const to = this.index(b);
    return to <= from ? 0 : this.countThrough[to] - this.countThrough[from];
  }

  isConfirmed(year: number): boolean {
    return this.confirmed.has(year);
  }

  confirmedYears(): number[] {
    return [...this.years];
  }
}

/** Builds the calendar (about a millisecond); build it once and share it. */
export function createWorkCalendar(sources: WorkCalendarSources): WorkCalendar {
  const working = new Uint8Array(LENGTH);
  for (let i = 0; i < LENGTH; i++) {
    const weekday = weekdayOf(FIRST + i);
    working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
  }
  const notices = new Map<number, HolidayNotice>();
  for (const notice of sources.notices ?? []) notices.set(notice.year, notice);
  const replaced = new Set(notices.keys());
  mark(working, sources.base.holidays, 0, replaced);
  mark(working, sources.base.workdays, 1, replaced);
  for (const notice of notices.values()) {
    mark(working, notice.holidays, 0);
    mark(working, notice.workdays, 1);
  }
  const confirmed = new Set<number>();
  for (const year of [...sources.base.years, ...notices.keys()])
    if (year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last) confirmed.add(year);
  // a year without its notice: the statutory days off of 放假办法 第二条 and 第六条 (provisional)
  for (let year = STATUTORY_HOLIDAYS_FROM; year <= CALENDAR_YEARS.last; year++)
    if (!confirmed.has(year))
      mark(
        working,
        statutoryDaysOff(year).map((day) => day.date),
        0,
      );
  for (const override of sources.overrides ?? [])
    mark(working, [override.date], override.kind === 'workday' ? 1 : 0);
  return new PrecomputedCalendar(working, confirmed);
}

/** The years from `from` to `to` (ISO dates, both included) the calendar does not confirm, ascending. */
export function unconfirmedYears(calendar: WorkCalendar, from: string, to: string): number[] {
  const years: number[] = [];
  const last = Number((from > to ? from : to).slice(0, 4));
  for (let year = Number((from > to ? to : from).slice(0, 4)); year <= last; year++)
    if (!calendar.isConfirmed(year)) years.push(year);
  return years;
}
