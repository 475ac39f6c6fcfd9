import { describe, expect, it } from 'vitest';
import { clockEventOf } from './clock-events.ts';

describe('clockEventOf: a stored case event as the clock reads it', () => {
  it.each([
    [
      'an extension keeps its days',
      'extended',
      '{"clock":{"days":10}}',
      { type: 'extended', on: '2024-03-01', days: 10 },
    ],
    [
      'a correction notice keeps its period',
      'correction_requested',
      '{"clock":{"until":"2024-03-15"}}',
      { type: 'correction_requested', on: '2024-03-01', until: '2024-03-15' },
    ],
    [
      'a fee notice has no fields (its data is not read)',
      'fee_notice',
      'not json',
      { type: 'fee_notice', on: '2024-03-01' },
    ],
    [
      'a stored field named like the type does not win',
      'extended',
      '{"clock":{"type":"decided","days":5}}',
      { type: 'extended', on: '2024-03-01', days: 5 },
    ],
  ])('%s', (_situation, type, data, expected) => {
    expect(clockEventOf(type, '2024-03-01', data)).toEqual(expected);
  });

  it.each(['received', 'attachment_added', 'letter_sent', 'review_recorded'])(
    '%s does not move the clock',
    (type) => {
      expect(clockEventOf(type, '2024-03-01', '{}')).toBeNull();
    },
  );
});
