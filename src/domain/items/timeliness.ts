/**
 * 条例第二十六条: proactively disclosed information is published within 20 working days of its
 * formation or change. Counted on the official calendar (调休 included): the limit is the 20th
 * working day after the formed date; published after that day is late.
 */
import type { WorkCalendar } from '../calendar/types.ts';

export const PUBLICATION_LIMIT_WORKING_DAYS = 20;

export interface Timeliness {
  /** the last day to publish within the limit */
  dueOn: string;
  /** working days after the formed date up to the publication day (or today, when unpublished) */
  workingDays: number;
  late: boolean;
}

/** How an item published (or still unpublished as of `publishedOrToday`) stands against the limit. */
export function publicationTimeliness(
  formedOn: string,
  publishedOrToday: string,
  calendar: WorkCalendar,
): Timeliness {
  const dueOn = calendar.addWorkingDays(formedOn, PUBLICATION_LIMIT_WORKING_DAYS);
  return {
    dueOn,
    workingDays: calendar.workingDaysBetween(formedOn, publishedOrToday),
    late: publishedOrToday > dueOn,
  };
}

export interface TimelinessFigure {
  /** items published in the year (withdrawn ones included: they were published) */
  published: number;
  withinLimit: number;
  late: number;
}

/** The year's figure: of the items published in it, how many within 20 working days. */
export function timelinessFigure(
  items: ReadonlyArray<{ formedOn: string; publishedOn: string }>,
  calendar: WorkCalendar,
): TimelinessFigure {
  const late = items.filter((i) => publicationTimeliness(i.formedOn, i.publishedOn, calendar).late).length;
  return { published: items.length, withinLimit: items.length - late, late };
}
