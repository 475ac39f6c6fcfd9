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
 * The input as if the open consultation letter whose receipt is not recorded had been received the
 * day it was sent: the earliest its 15 working days can end.
 */
function receivedWhenSent(input: ClockInput): ClockInput {
  const last = input.events.findLastIndex((event) => event.type === 'consultation_sent');
  const letter = input.events[last];
  if (letter?.type !== 'consultation_sent' || letter.deliveredOn) return input;
  const events = [...input.events];
  events[last] = { ...letter, deliveredOn: letter.on };
  return { ...input, events };
}

/**
 * The reading the overdue and due-soon lists are built on. While a consultation is under way its
 * pause may last until its limit (15 working days after the party received the letter, 第三十二条),
 * so the due date stored for the lists is the one at that limit: a case is never listed overdue
 * before it can be, and once the limit passes without a reply the stored date is exact. While the
 * receipt is not recorded the limit is taken at its earliest (received the day it was sent). A
 * reply or a recorded receipt recomputes it.
 */
export function projectedReading(
  input: ClockInput,
  calendar: WorkCalendar,
  today: string,
  windowsFrom = input.events.length,
): ClockReading {
  const now = computeClock(input, calendar, today, { windowsFrom });
  if (now.state !== 'in_consultation') return now;
  const projected = now.deliveryUnknown ? receivedWhenSent(input) : input;
  const limit = now.deliveryUnknown
    ? computeClock(projected, calendar, today, { windowsFrom }).waitingUntil
    : now.waitingUntil;
  if (!limit || limit <= today) return now;
  const atLimit = computeClock(projected, calendar, limit, { windowsFrom: input.events.length + 1 });
  return { ...now, due: atLimit.due, provisional: now.provisional || atLimit.provisional };
}
