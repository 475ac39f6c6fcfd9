import { describe, expect, it } from 'vitest';
import { calendar, type Row, running } from './clock-table.testing.ts';
import { computeClock } from './compute-clock.ts';

describe('computeClock pauses on the official 2024–2026 calendars', () => {
  it.each<Row>([
    // 第三十二条: consultation
    [
      'a consultation over National Day 2024: only its working days are not counted',
      '2024-09-20',
      [
        { type: 'consultation_sent', on: '2024-09-27' },
        { type: 'consultation_replied', on: '2024-10-10' },
      ],
      '2024-10-15',
      running('2024-10-30', 9, 11),
    ],
    [
      'a consultation under way over National Day 2024, received by the party the day it was sent',
      '2024-09-20',
      [{ type: 'consultation_sent', on: '2024-09-27', deliveredOn: '2024-09-27' }],
      '2024-10-08',
      {
        due: '2024-10-28',
        workingDaysUsed: 5,
        workingDaysLeft: 15,
        state: 'in_consultation',
        waitingUntil: '2024-10-23',
      },
    ],
    [
      '第三十二条: the party’s 15 working days run from its receipt of the letter, not from sending',
      '2024-09-20',
      [{ type: 'consultation_sent', on: '2024-09-27', deliveredOn: '2024-09-30' }],
      '2024-10-08',
      {
        due: '2024-10-28',
        workingDaysUsed: 5,
        workingDaysLeft: 15,
        state: 'in_consultation',
        waitingUntil: '2024-10-25',
        deliveryUnknown: false,
      },
    ],
    [
      '第三十二条: a letter whose receipt is not recorded holds the clock with no known end',
      '2025-03-03',
      [{ type: 'consultation_sent', on: '2025-03-05' }],
      '2025-04-30',
      {
        workingDaysUsed: 2,
        workingDaysLeft: 18,
        state: 'in_consultation',
        waitingUntil: null,
        deliveryUnknown: true,
        overdue: false,
      },
    ],
    [
      'a consultation never answered holds the clock 15 working days after its receipt only',
      '2025-03-03',
      [{ type: 'consultation_sent', on: '2025-03-05', deliveredOn: '2025-03-05' }],
      '2025-04-30',
      running('2025-04-22', 27, -7),
    ],
    [
      'a reply after the 15-day limit changes nothing',
      '2025-03-03',
      [
        { type: 'consultation_sent', on: '2025-03-05', deliveredOn: '2025-03-05' },
        { type: 'consultation_replied', on: '2025-04-10' },
      ],
      '2025-04-30',
      running('2025-04-22', 27, -7),
    ],
    [
      'a consultation begun after the due date does not revive the period',
      '2024-02-08',
      [
        { type: 'consultation_sent', on: '2024-03-14' },
        { type: 'consultation_replied', on: '2024-03-20' },
      ],
      '2024-03-21',
      running('2024-03-13', 26, -6),
    ],
    [
      'a fee notice during a consultation: each paused day counts once',
      '2024-09-20',
      [
        { type: 'consultation_sent', on: '2024-09-27' },
        { type: 'fee_notice', on: '2024-10-08' },
        { type: 'consultation_replied', on: '2024-10-10' },
        { type: 'fee_paid', on: '2024-10-14' },
      ],
      '2024-10-15',
      running('2024-11-04', 6, 14),
    ],
    // 109号: fee
    [
      'a fee notice paid after four working days',
      '2024-02-08',
      [
        { type: 'fee_notice', on: '2024-02-20' },
        { type: 'fee_paid', on: '2024-02-26' },
      ],
      '2024-02-27',
      running('2024-03-19', 5, 15),
    ],
    [
      'awaiting payment of a notice received the day it was sent',
      '2024-02-08',
      [{ type: 'fee_notice', on: '2024-02-20', deliveredOn: '2024-02-20' }],
      '2024-02-27',
      {
        due: '2024-03-20',
        workingDaysUsed: 4,
        workingDaysLeft: 16,
        state: 'awaiting_fee',
        waitingUntil: '2024-03-19',
      },
    ],
    [
      '109号: the 20 working days to pay run from the day after the applicant received the notice',
      '2024-02-08',
      [{ type: 'fee_notice', on: '2024-02-20', deliveredOn: '2024-02-23' }],
      '2024-02-27',
      { state: 'awaiting_fee', waitingUntil: '2024-03-22', deliveryUnknown: false },
    ],
    [
      'unpaid 20 working days after receiving the fee notice',
      '2024-02-08',
      [{ type: 'fee_notice', on: '2024-02-20', deliveredOn: '2024-02-20' }],
      '2024-03-25',
      { due: '2024-04-11', workingDaysUsed: 4, workingDaysLeft: 16, state: 'fee_lapsed', waitingUntil: null },
    ],
    [
      '109号: a fee notice whose receipt is not recorded cannot lapse',
      '2024-02-08',
      [{ type: 'fee_notice', on: '2024-02-20' }],
      '2024-03-25',
      {
        workingDaysUsed: 4,
        workingDaysLeft: 16,
        state: 'awaiting_fee',
        waitingUntil: null,
        deliveryUnknown: true,
      },
    ],
    // 第三十五条: reasons and a later date
    [
      '第三十五条: asking for reasons does not stop the clock (over a make-up Saturday)',
      '2024-05-06',
      [{ type: 'reasons_requested', on: '2024-05-08' }],
      '2024-05-15',
      running('2024-05-31', 8, 12),
    ],
    [
      '第三十五条: a later date (延迟答复的合理期限) set after reasons is the due date',
      '2024-05-06',
      [
        { type: 'reasons_requested', on: '2024-05-08' },
        { type: 'later_date_set', on: '2024-05-20', until: '2024-07-31' },
      ],
      '2024-06-03',
      running('2024-07-31', 21, 41),
    ],
  ])('%s', (_situation, received, events, today, reading) => {
    expect(computeClock({ received, events }, calendar, today)).toMatchObject(reading);
  });
});
