import type { Db } from '../db/connection.ts';
import { chineseDaysData } from '../domain/calendar/chinese-days-data.ts';
import type { HolidayNotice } from '../domain/calendar/notice.ts';
import type { CalendarOverride, WorkCalendar } from '../domain/calendar/types.ts';
import { createWorkCalendar } from '../domain/calendar/work-calendar.ts';

/** The installation's calendar: chinese-days, then the imported notices, then the overrides. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  const notices = await db.kysely.selectFrom('calendar_notices').selectAll().orderBy('year').execute();
  const overrides = await db.kysely.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  return createWorkCalendar({
    base: chineseDaysData,
    notices: notices.map(
      (n): HolidayNotice => ({
        year: n.year,
        documentNumber: n.source,
        holidays: JSON.parse(n.holidays) as string[],
        workdays: JSON.parse(n.workdays) as string[],
      }),
    ),
    overrides: overrides.map(
      (o): CalendarOverride => ({ date: o.date, kind: o.kind as CalendarOverride['kind'], source: o.source }),
    ),
  });
}
