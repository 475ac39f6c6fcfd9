import type { Db } from '../db/connection.ts';
import type { WorkCalendar } from '../domain/calendar/types.ts';
import { loadCalendar } from './load-calendar.ts';

/** The installation's calendar, loaded once and reloaded after an administrator changes it. */
export interface CalendarService {
  get(): Promise<WorkCalendar>;
  invalidate(): void;
}

export function createCalendarService(db: Db): CalendarService {
  let current: Promise<WorkCalendar> | null = null;
  return {
    get() {
      current ??= loadCalendar(db);
      return current;
    },
    invalidate() {
      current = null;
    },
  };
}
