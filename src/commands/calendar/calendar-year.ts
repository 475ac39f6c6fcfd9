/**
 * The installation's calendar as the public reads it: the confirmed years, one year's days off and
 * make-up working days as the calendar counts them, the overrides and the imported notices.
 */
import { loadActorNames } from '../../db/queries/actor-names.ts';
import { dayNumberOf, isoDate, weekdayOf } from '../../domain/calendar/days.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import type { CommandContext } from '../context.ts';

/** An override as stored: the entry, who entered it and when. */
export interface StoredOverride {
  date: string;
  kind: string;
  source: string;
  createdAt: string;
  actor: string;
  /** who entered it, by name (姓名) */
  actorName: string;
}

/** An imported notice as stored. */
export interface StoredNotice {
  year: number;
  documentNumber: string;
  holidays: string[];
  workdays: string[];
  importedAt: string;
  actor: string;
  /** who imported it, by name (姓名) */
  actorName: string;
}

/** One year of the calendar. */
export interface CalendarYear {
  year: number;
  /** whether the calendar holds that year's notice (else it counts Monday–Friday: provisional) */
  confirmed: boolean;
  confirmedYears: number[];
  /** Monday–Friday dates that are not working days (holidays; weekend days inside a block are not listed) */
  holidays: string[];
  /** Saturday and Sunday dates that are working days (调休) */
  workdays: string[];
  overrides: StoredOverride[];
  notices: StoredNotice[];
}

/** The days off and the make-up working days of a year, as `calendar` counts them. */
export function exceptionsOf(
  calendar: WorkCalendar,
  year: number,
): { holidays: string[]; workdays: string[] } {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const last = dayNumberOf(year, 12, 31);
  for (let day = dayNumberOf(year, 1, 1); day <= last; day++) {
    const date = isoDate(day);
    const weekend = weekdayOf(day) % 6 === 0;
    const working = calendar.isWorkingDay(date);
    if (!weekend && !working) holidays.push(date);
    if (weekend && working) workdays.push(date);
  }
  return { holidays, workdays };
}

/** A year of the calendar (2000–2100), with the stored overrides and notices of every year. */
export async function readCalendarYear(
  ctx: Pick<CommandContext<unknown>, 'db' | 'calendar'>,
  input: { year: number },
): Promise<CalendarYear> {
  const { db } = ctx;
  const { year } = input;
  const calendar = await ctx.calendar.get();
  const overrides = await db.kysely.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  const notices = await db.kysely.selectFrom('calendar_notices').selectAll().orderBy('year').execute();
  const names = await loadActorNames(
    db,
    [...overrides, ...notices].map((row) => row.actor),
  );
  return {
    year,
    confirmed: calendar.isConfirmed(year),
    confirmedYears: calendar.confirmedYears(),
    ...exceptionsOf(calendar, year),
    overrides: overrides.map((o) => ({
      date: o.date,
      kind: o.kind,
      source: o.source,
      createdAt: o.created_at,
      actor: o.actor,
      actorName: names(o.actor),
    })),
    notices: notices.map((n) => ({
      year: n.year,
      documentNumber: n.source,
      holidays: JSON.parse(n.holidays) as string[],
      workdays: JSON.parse(n.workdays) as string[],
      importedAt: n.imported_at,
      actor: n.actor,
      actorName: names(n.actor),
    })),
  };
}
