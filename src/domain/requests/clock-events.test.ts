import { describe, expect, it } from 'vitest';
import { type ClockEvent, clockEventsOf, type StoredCaseEvent } from './clock-events.ts';

const row = (seq: number, type: string, on: string, data: unknown = {}): StoredCaseEvent => ({
  type,
  on,
  seq,
  data: typeof data === 'string' ? data : JSON.stringify(data),
});

describe('clockEventsOf: a case’s stored events as the clock reads them', () => {
  it.each<[string, StoredCaseEvent, ClockEvent]>([
    [
      'an extension keeps its days',
      row(2, 'extended', '2024-03-01', { clock: { days: 10 } }),
      { type: 'extended', on: '2024-03-01', days: 10 },
    ],
    [
      'a correction notice keeps its period',
      row(2, 'correction_requested', '2024-03-01', { clock: { until: '2024-03-15' } }),
      { type: 'correction_requested', on: '2024-03-01', until: '2024-03-15' },
    ],
    [
      'a fee notice without a recorded receipt has no deliveredOn',
      row(2, 'fee_notice', '2024-03-01', { amountFen: 10000 }),
      { type: 'fee_notice', on: '2024-03-01' },
    ],
    [
      'a payment has no fields (its data is not read)',
      row(2, 'fee_paid', '2024-03-01', 'not json'),
      { type: 'fee_paid', on: '2024-03-01' },
    ],
    [
      'a stored field named like the type does not win',
      row(2, 'extended', '2024-03-01', { clock: { type: 'decided', days: 5 } }),
      { type: 'extended', on: '2024-03-01', days: 5 },
    ],
  ])('%s', (_situation, stored, expected) => {
    expect(clockEventsOf([stored])).toEqual([expected]);
  });

  it.each(['received', 'attachment_added', 'review_recorded'])('%s does not move the clock', (type) => {
    expect(clockEventsOf([row(1, type, '2024-03-01', 'not json')])).toEqual([]);
  });

  it.each<[string, StoredCaseEvent[], ClockEvent[]]>([
    [
      '109号: the fee notice’s 送达 becomes its deliveredOn',
      [
        row(2, 'fee_notice', '2024-03-01'),
        row(3, 'letter_sent', '2024-03-05', {
          kind: 'fee',
          after: { sentOn: '2024-03-04' },
          clock: { of: 2, deliveredOn: '2024-03-04' },
        }),
      ],
      [{ type: 'fee_notice', on: '2024-03-01', deliveredOn: '2024-03-04' }],
    ],
    [
      '第三十二条: the consultation letter’s receipt goes to the letter that sent it, not the latest',
      [
        row(2, 'consultation_sent', '2024-03-01'),
        row(3, 'consultation_replied', '2024-03-20'),
        row(4, 'consultation_sent', '2024-03-22'),
        row(5, 'letter_sent', '2024-03-25', {
          kind: 'consultation',
          after: { sentOn: '2024-03-04' },
          clock: { of: 2, deliveredOn: '2024-03-04' },
        }),
      ],
      [
        { type: 'consultation_sent', on: '2024-03-01', deliveredOn: '2024-03-04' },
        { type: 'consultation_replied', on: '2024-03-20' },
        { type: 'consultation_sent', on: '2024-03-22' },
      ],
    ],
    [
      'a corrected delivery record wins',
      [
        row(2, 'fee_notice', '2024-03-01'),
        row(3, 'letter_sent', '2024-03-05', { kind: 'fee', clock: { of: 2, deliveredOn: '2024-03-05' } }),
        row(4, 'letter_sent', '2024-03-06', { kind: 'fee', clock: { of: 2, deliveredOn: '2024-03-04' } }),
      ],
      [{ type: 'fee_notice', on: '2024-03-01', deliveredOn: '2024-03-04' }],
    ],
    [
      'a record written before deliveries reached the clock goes to the latest letter of its kind',
      [
        row(2, 'fee_notice', '2024-03-01'),
        row(3, 'letter_sent', '2024-03-05', { kind: 'fee', after: { sentOn: '2024-03-05' } }),
      ],
      [{ type: 'fee_notice', on: '2024-03-01', deliveredOn: '2024-03-05' }],
    ],
    [
      'the delivery of an answer letter does not move the clock',
      [
        row(2, 'decided', '2024-03-01'),
        row(3, 'letter_sent', '2024-03-05', { kind: 'answer_granted', after: { sentOn: '2024-03-05' } }),
      ],
      [{ type: 'decided', on: '2024-03-01' }],
    ],
  ])('%s', (_situation, rows, expected) => {
    expect(clockEventsOf(rows)).toEqual(expected);
  });
});
