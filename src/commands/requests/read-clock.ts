import type { Db } from '../../db/connection.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import type { ClockReading } from '../../domain/requests/clock-events.ts';
import { readClock } from './case-store.ts';

/** A case's clock as of a day, read outside any change (the tracking page, the case page). */
export async function readClockOf(
  db: Db,
  requestId: number,
  receivedOn: string,
  calendar: WorkCalendar,
  today: string,
): Promise<ClockReading> {
  return readClock(db.kysely, { id: requestId, receivedOn }, calendar, today);
}
