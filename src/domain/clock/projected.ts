import type { WorkCalendar } from '../calendar/types.ts';
import type { ClockReading } from '../requests/clock-events.ts';
import { computeClock } from './compute-clock.ts';
import type { ClockInput } from './problems.ts';

/**
 * The clock of a stored history: its calendar-dependent windows were checked when each event was
 * recorded, so re-reading it (after a calendar change, say) checks only order and dates.
 */
export function storedClock(input: ClockInput, calendar: WorkCalendar, today: string): ClockReading {
  return computeClock(input, calendar, today, { windowsFrom: input.events.length });
}

/**
 * The reading the overdue and due-soon lists are built on. While a consultation is under way its
 * pause may last until its limit (15 working days, 第三十二条), so the due date stored for the lists
 * is the one at that limit: a case is never listed overdue before it can be, and once the limit
 * passes without a reply the stored date is exact. A reply recomputes it.
 */
export function projectedReading(
  input: ClockInput,
  calendar: WorkCalendar,
  today: string,
  windowsFrom = input.events.length,
): ClockReading {
  const now = computeClock(input, calendar, today, { windowsFrom });
  if (now.state !== 'in_consultation' || !now.waitingUntil || now.waitingUntil <= today) return now;
  const atLimit = computeClock(input, calendar, now.waitingUntil, { windowsFrom: input.events.length + 1 });
  return { ...now, due: atLimit.due, provisional: now.provisional || atLimit.provisional };
}
