import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import { calendar, type Row, running } from './clock-table.testing.ts';
import { computeClock } from './compute-clock.ts';

describe('computeClock on the official 2024–2026 calendars', () => {
  it.each<Row>([
    // 第三十三条: 20 working days after receipt
    [
      'received the day before New Year’s Eve 2024, read that day',
      '2024-02-08',
      [],
      '2024-02-08',
      running('2024-03-13', 0, 20),
    ],
    [
      'received the Friday before National Day 2024, read during it',
      '2024-09-27',
      [],
      '2024-10-05',
      running('2024-10-30', 2, 18),
    ],
    [
      'received on the Saturday worked after National Day 2024, read on the due day',
      '2024-10-12',
      [],
      '2024-11-08',
      running('2024-11-08', 20, 0),
    ],
    [
      'received on an ordinary Saturday, read on the Sunday worked for Qingming',
      '2024-03-16',
      [],
      '2024-04-07',
      running('2024-04-15', 14, 6),
    ],
    [
      'received the Friday before Spring Festival 2026, read during it',
      '2026-02-13',
      [],
      '2026-02-20',
      running('2026-03-19', 1, 19),
    ],
    [
      'received before Spring Festival 2025 and not answered: overdue',
      '2025-01-24',
      [],
      '2025-03-03',
      running('2025-02-27', 22, -2),
    ],
    // 第三十条: correction
    [
      'a corrected application restarts the 20 days',
      '2024-02-08',
      [
        { type: 'correction_requested', on: '2024-02-09', until: '2024-03-01' },
        { type: 'correction_received', on: '2024-02-20' },
      ],
      '2024-02-20',
      running('2024-03-19', 0, 20),
    ],
    [
      'awaiting a correction: the clock waits at 20',
      '2024-02-08',
      [{ type: 'correction_requested', on: '2024-02-09', until: '2024-03-01' }],
      '2024-02-19',
      {
        due: '2024-03-18',
        workingDaysUsed: 0,
        workingDaysLeft: 20,
        state: 'awaiting_correction',
        waitingUntil: '2024-03-01',
      },
    ],
    [
      'the correction period passed with no correction',
      '2024-02-08',
      [{ type: 'correction_requested', on: '2024-02-09', until: '2024-03-01' }],
      '2024-03-05',
      {
        due: '2024-03-29',
        workingDaysLeft: 20,
        overdue: false,
        state: 'correction_lapsed',
        waitingUntil: null,
      },
    ],
    [
      'a correction asked on the 7th working day, across National Day 2025',
      '2025-09-26',
      [{ type: 'correction_requested', on: '2025-10-13' }],
      '2025-10-14',
      { due: '2025-11-11', state: 'awaiting_correction', waitingUntil: null },
    ],
    // 第三十三条: extension
    [
      'an extension of 20 working days over Qingming 2024',
      '2024-02-08',
      [{ type: 'extended', on: '2024-03-01', days: 20 }],
      '2024-03-20',
      running('2024-04-11', 25, 15),
    ],
    // decided
    [
      'answered in time: read as of the decision day',
      '2024-02-08',
      [{ type: 'decided', on: '2024-03-01' }],
      '2024-06-01',
      { due: '2024-03-13', workingDaysUsed: 12, workingDaysLeft: 8, overdue: false, state: 'decided' },
    ],
    [
      'answered two working days late',
      '2024-02-08',
      [{ type: 'decided', on: '2024-03-15' }],
      '2024-06-01',
      { due: '2024-03-13', workingDaysUsed: 22, workingDaysLeft: -2, overdue: true, state: 'decided' },
    ],
  ])('%s', (_situation, received, events, today, reading) => {
    expect(computeClock({ received, events }, calendar, today)).toMatchObject(reading);
  });
});

describe('computeClock beyond the confirmed years', () => {
  const with2027 = createWorkCalendar({
    base: chineseDaysData,
    notices: [{ year: 2027, documentNumber: '测试通知', holidays: ['2027-01-01'], workdays: [] }],
  });

  it.each([
    [
      'a count running into 2027 is provisional (元旦 off by 放假办法 第二条)',
      calendar,
      '2026-12-10',
      '2026-12-15',
      '2027-01-08',
      [2027],
    ],
    ['a request received in 2027', calendar, '2027-03-01', '2027-03-01', '2027-03-29', [2027]],
    ['once the 2027 notice is imported it is not', with2027, '2026-12-10', '2026-12-15', '2027-01-08', []],
  ])('%s', (_situation, cal, received, today, due, years) => {
    const reading = computeClock({ received, events: [] }, cal, today);
    expect(reading).toMatchObject({ due, provisional: years.length > 0, provisionalYears: years });
  });

  it('is provisional when only the wait reaches into 2027', () => {
    const reading = computeClock(
      {
        received: '2026-11-02',
        events: [{ type: 'fee_notice', on: '2026-12-10', deliveredOn: '2026-12-10' }],
      },
      calendar,
      '2026-12-10',
    );
    expect(reading).toMatchObject({
      state: 'awaiting_fee',
      waitingUntil: '2027-01-08',
      provisionalYears: [2027],
    });
  });
});
