import { describe, expect, it } from 'vitest';
import { dayCounter, dueDateCounter, formatBytes, formatDate, formatInstant, labelOf } from './format.ts';

describe('dayCounter', () => {
  it.each([
    ['no date to count to', null, 'answer', null],
    [
      'three working days past the answer date',
      -3,
      'answer',
      { text: '已逾期 3 个工作日', urgency: 'overdue' },
    ],
    [
      'the applicant’s date one day past',
      -1,
      'applicant',
      { text: '期限已过 1 个工作日', urgency: 'overdue' },
    ],
    ['due today', 0, 'answer', { text: '今日到期', urgency: 'today' }],
    ['three working days left: soon', 3, 'answer', { text: '剩 3 个工作日', urgency: 'soon' }],
    ['four working days left', 4, 'answer', { text: '剩 4 个工作日', urgency: 'normal' }],
  ] as const)('%s', (_situation, left, what, expected) => {
    expect(dayCounter(left, what)).toEqual(expected);
  });
});

describe('dueDateCounter', () => {
  it.each([
    ['a decided case has none', '2026-11-26', '2026-11-20', true, null],
    ['a case without a due date has none', '2026-11-26', null, false, null],
    ['past its due date', '2026-11-26', '2026-11-25', false, { text: '已逾期', urgency: 'overdue' }],
    ['due today', '2026-11-26', '2026-11-26', false, { text: '今日到期', urgency: 'today' }],
    ['due later', '2026-11-26', '2026-12-10', false, { text: '2026-12-10 到期', urgency: 'normal' }],
  ])('%s', (_situation, today, dueOn, decided, expected) => {
    expect(dueDateCounter(today, dueOn, decided)).toEqual(expected);
  });
});

describe('formatInstant', () => {
  it.each([
    [
      'an instant late in the UTC day is the next day in China',
      '2026-11-25T17:30:00.000Z',
      '2026-11-26 01:30',
    ],
    ['an instant in the morning', '2026-11-26T02:05:09Z', '2026-11-26 10:05'],
    ['a plain date', '2026-11-26', '2026-11-26'],
    ['nothing', null, '—'],
    ['text that is not a date', '昨天', '昨天'],
  ])('%s', (_situation, iso, expected) => {
    expect(formatInstant(iso)).toBe(expected);
  });
});

describe('formatBytes and labelOf', () => {
  it.each([
    [512, '512 B'],
    [2048, '2.0 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
  ])('%i bytes → %s', (size, expected) => {
    expect(formatBytes(size)).toBe(expected);
  });

  it('falls back to the code when a label is missing', () => {
    expect(labelOf({ open: '办理中' }, 'open')).toBe('办理中');
    expect(labelOf({ open: '办理中' }, 'new_state')).toBe('new_state');
    expect(labelOf({}, null)).toBe('—');
  });
});

describe('formatDate', () => {
  it.each([
    ['2023-01-31', '2023年1月31日'],
    ['2021-12-05', '2021年12月5日'],
    ['不是日期', '不是日期'],
  ])('%s → %s', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });
});
