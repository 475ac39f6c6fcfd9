import { describe, expect, it } from 'vitest';
import type { ClockReading } from '../requests/clock-events.ts';
import { closeLapsedRefusal, type LapsedWait } from './closing.ts';

const reading = (state: ClockReading['state'], waitingUntil: string | null, deliveryUnknown = false) =>
  ({ state, waitingUntil, deliveryUnknown }) as ClockReading;

describe('closing a case whose wait lapsed (第三十条, 109号)', () => {
  it.each<[string, ClockReading, LapsedWait, string, string | null]>([
    [
      'a lapsed fee period, closed after its last day',
      reading('fee_lapsed', null),
      'fee_lapsed',
      '2024-03-25',
      null,
    ],
    [
      '109号: a fee notice whose receipt is not recorded cannot lapse',
      reading('awaiting_fee', null, true),
      'fee_lapsed',
      '2024-06-01',
      '送达日期尚未登记',
    ],
    [
      'a fee period still running',
      reading('awaiting_fee', '2024-03-19'),
      'fee_lapsed',
      '2024-03-10',
      '缴费期限尚未届满（至 2024-03-19）',
    ],
    [
      '第三十条: a correction period still running',
      reading('awaiting_correction', '2024-03-10'),
      'correction_lapsed',
      '2024-03-05',
      '补正期限尚未届满',
    ],
    [
      'a lapsed correction period, closed after its last day',
      reading('correction_lapsed', null),
      'correction_lapsed',
      '2024-03-11',
      null,
    ],
  ])('%s', (_situation, before, wait, on, message) => {
    const refusal = closeLapsedRefusal(before, wait, on);
    if (message === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(message);
  });
});
