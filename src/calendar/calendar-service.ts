import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { WorkCalendar } from '../domain/calendar/types.ts';
import { loadCalendar } from './load-calendar.ts';

/**
 * The installation's calendar, cached. Every `get` compares a cheap stamp of the calendar tables
 * (row counts and latest change times), so a change made by another process — the CLI, another
 * server — is picked up on the next request, not only by the process that made it.
 */
export interface CalendarService {
  get(): Promise<WorkCalendar>;
  invalidate(): void;
}

async function stampOf(db: Db): Promise<string> {
  const result = await sql<{ stamp: string }>`
    select (select count(*) from calendar_overrides) || ':' || coalesce((select max(created_at) from calendar_overrides), '')
      || ':' || (select count(*) from calendar_notices) || ':' || coalesce((select max(imported_at) from calendar_notices), '')
      as stamp`.execute(db.kysely);
  return String(result.rows[0]?.stamp ?? '');
}

export function createCalendarService(db: Db): CalendarService {
  let cached: { stamp: string; calendar: Promise<WorkCalendar> } | null = null;
  return {
    async get() {
      const stamp = await stampOf(db);
      if (!cached || cached.stamp !== stamp) cached = { stamp, calendar: loadCalendar(db) };
      return cached.calendar;
    },
    invalidate() {
      cached = null;
    },
  };
}
