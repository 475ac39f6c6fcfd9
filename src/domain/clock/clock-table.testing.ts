/** What the clock's table tests share: the official calendar, a row's shape, a running reading. */
import { chineseDaysData } from '../calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import type { ClockEvent, ClockReading } from '../requests/clock-events.ts';

export const calendar = createWorkCalendar({ base: chineseDaysData });

/** One case of a table: what happened, and what the clock reads on a day. */
export type Row = [
  situation: string,
  received: string,
  events: ClockEvent[],
  today: string,
  reading: Partial<ClockReading>,
];

/** A clock running on time: due date, working days used and left. */
export const running = (due: string, used: number, left: number): Partial<ClockReading> => ({
  due,
  workingDaysUsed: used,
  workingDaysLeft: left,
  overdue: left < 0,
  state: 'running',
  waitingUntil: null,
  deliveryUnknown: false,
  provisional: false,
  provisionalYears: [],
});
