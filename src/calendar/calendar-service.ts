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

/**
 * The calendar of `db`, kept while its stamp stays the same. Each `get` reads the stamp afresh — a
 * read begun after the call, so a change committed before it is always seen — but calls that arrive
 * while a read is under way share the next one (a hundred citizens filing at once cost a stamp read
 * or two, not a hundred: issue 12). `readStamp` is for tests.
 */
export function createCalendarService(
  db: Db,
  readStamp: (db: Db) => Promise<string> = stampOf,
): CalendarService {
  let cached: { stamp: string; calendar: Promise<WorkCalendar> } | null = null;
  let current: Promise<string> | null = null;
  let next: Promise<string> | null = null;
  // a stamp read begun after the caller asked: the one starting now, or else the one after the read under way
  const freshStamp = (): Promise<string> => {
    if (!current) {
      current = readStamp(db).finally(() => {
        current = null;
      });
      return current;
    }
    next ??= current
      .catch(() => undefined)
      .then(() => {
        next = null;
        return freshStamp();
      });
    return next;
  };
  return {
    async get() {
      const stamp = await freshStamp();
      if (!cached || cached.stamp !== stamp) cached = { stamp, calendar: loadCalendar(db) };
      return cached.calendar;
    },
    invalidate() {
      cached = null;
    },
  };
}
