import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isoDate, weekdayOf } from './days.ts';

describe('day arithmetic', () => {
  it.each([
    ['the epoch', '1970-01-01', 0, 4],
    ['a leap day', '2024-02-29', 19782, 4],
    ['the first day of the calendar', '2000-01-01', 10957, 6],
    ['the last day of the calendar', '2100-12-31', 47846, 5],
  ])('round-trips %s', (_situation, date, number, weekday) => {
    expect(dayNumber(date)).toBe(number);
    expect(isoDate(number)).toBe(date);
    expect(weekdayOf(number)).toBe(weekday);
  });

  it.each([
    ['February 30', '2024-02-30'],
    ['February 29 of a common year', '2100-02-29'],
    ['month 13', '2024-13-01'],
    ['no zero padding', '2024-2-01'],
    ['slashes', '2024/02/01'],
    ['letters', '2024-0a-01'],
  ])('rejects %s', (_situation, text) => {
    expect(dayNumber(text)).toBeNaN();
  });

  it('adds calendar days across a year end', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
