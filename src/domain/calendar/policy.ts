/**
 * Who may change the installation's calendar (overrides, holiday notices): a platform
 * administrator — the installation-level flag `users.platform_admin`, not a role in an agency.
 * The calendar is national.
 */

/** Whoever asks: a user, and whether they administer the installation. */
export interface CalendarActor {
  username: string;
  platformAdmin?: boolean;
}

/** Whether the actor may change the working-day calendar. */
export function canChangeCalendar(actor: CalendarActor): boolean {
  return actor.platformAdmin === true;
}

/** Why the actor may not change the calendar, or null. */
export function calendarRefusal(actor: CalendarActor): string | null {
  return canChangeCalendar(actor)
    ? null
    : '修改工作日历须由平台管理员办理，您不是平台管理员；如需调整，请联系平台管理员。';
}
