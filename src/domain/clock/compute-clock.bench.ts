/**
 * `npx vitest bench --run src/domain/clock`: 100,000 requests' clocks recomputed (each a handful of
 * events, receipts spread over 2024–2026), the nightly sweep's load. Target: well under a second.
 */
import { bench, describe } from 'vitest';
import { chineseDaysData } from '../calendar/chinese-days-data.ts';
import { addDays } from '../calendar/days.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import type { ClockEvent } from '../requests/clock-events.ts';
import { computeClock } from './compute-clock.ts';
import type { ClockInput } from './problems.ts';

const calendar = createWorkCalendar({ base: chineseDaysData });
const today = '2026-12-31';

function request(i: number): ClockInput {
  const received = addDays('2024-01-02', i % 1000);
  const events: ClockEvent[] = [];
  if (i % 3 === 0) events.push({ type: 'consultation_sent', on: addDays(received, 3) });
  if (i % 3 === 0 && i % 2 === 0) events.push({ type: 'consultation_replied', on: addDays(received, 12) });
  if (i % 5 === 0) events.push({ type: 'extended', on: addDays(received, 20), days: 10 });
  if (i % 7 === 0)
    events.push(
      { type: 'fee_notice', on: addDays(received, 25) },
      { type: 'fee_paid', on: addDays(received, 30) },
    );
  if (i % 4 !== 0) events.push({ type: 'decided', on: addDays(received, 40) });
  return { received, events };
}

const requests = Array.from({ length: 100_000 }, (_, i) => request(i));

describe('computeClock', () => {
  bench(
    '100,000 requests',
    () => {
      for (const input of requests) computeClock(input, calendar, today);
    },
    { iterations: 10, warmupIterations: 2 },
  );

  bench('build the calendar (2000–2100)', () => {
    createWorkCalendar({ base: chineseDaysData });
  });
});
