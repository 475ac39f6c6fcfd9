/** The calendar's 403: who may change it is the domain's calendar policy (domain/calendar/policy.ts). */
import { type CalendarActor, calendarRefusal } from '../../domain/calendar/policy.ts';
import { AppError } from '../../errors.ts';

/** Refuses (403) an actor who is not a platform administrator. */
export function assertPlatformAdmin(actor: CalendarActor): void {
  const refusal = calendarRefusal(actor);
  if (refusal) throw new AppError('forbidden', refusal);
}
