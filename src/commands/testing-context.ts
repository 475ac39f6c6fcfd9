/**
 * Command contexts for tests: a fixed instant (or a day, at noon in China), a given calendar or
 * the database's, and a silent log.
 */
import { createCalendarService } from '../calendar/calendar-service.ts';
import type { Db } from '../db/connection.ts';
import type { WorkCalendar } from '../domain/calendar/types.ts';
import { type Actor, type CommandContext, clockOf, fixedCalendar, silentLog } from './context.ts';

export interface TestContextOptions<A> {
  actor?: A;
  /** an instant, or a day (`YYYY-MM-DD`, taken at noon in China); default: the real clock */
  now?: Date | string;
  calendar?: WorkCalendar;
}

/** The instant of a test's `now`: a day is taken at noon in China (04:00 UTC). */
export function instantOf(now: Date | string): Date {
  return typeof now === 'string' ? new Date(`${now}T12:00:00+08:00`) : now;
}

/** A context for a test: the actor (default an operator), the clock, the calendar. */
export function testContext<A = Actor>(db: Db, options: TestContextOptions<A> = {}): CommandContext<A> {
  const at = options.now === undefined ? null : instantOf(options.now);
  return {
    db,
    actor: (options.actor ?? { username: 'test-operator', roles: ['operator'] }) as A,
    clock: clockOf(() => at ?? new Date()),
    calendar: options.calendar ? fixedCalendar(options.calendar) : createCalendarService(db),
    log: silentLog,
  };
}
