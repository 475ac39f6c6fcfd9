import { describe, expect, it } from 'vitest';
import { endOfWeek, isIsoDate, startOfWeek, todayInChina } from './dates.ts';

describe('isIsoDate', () => {
  it.each([
    ['an ordinary day', '2021-06-15'],
    ['the first day of a year', '2021-01-01'],
    ['the last day of a year', '2021-12-31'],
    ['29 February of a leap year', '2024-02-29'],
    ['29 February of a century divisible by 400', '2000-02-29'],
    ['30 April', '2021-04-30'],
  ])('accepts %s (%s)', (_situation, text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    ['29 February of a common year', '2021-02-29'],
    ['30 February', '2021-02-30'],
    ['29 February of a century not divisible by 400', '1900-02-29'],
    ['31 April', '2021-04-31'],
    ['month 13', '2021-13-01'],
    ['month 00', '2021-00-10'],
    ['day 00', '2021-01-00'],
    ['day 32', '2021-01-32'],
    ['a one-digit month', '2021-1-01'],
    ['a one-digit day', '2021-01-1'],
    ['slashes', '2021/01/01'],
    ['a time part', '2021-01-01T00:00'],
    ['a leading space', ' 2021-01-01'],
    ['a trailing space', '2021-01-01 '],
    ['a two-digit year', '21-01-01'],
    ['the empty text', ''],
    ['Chinese writing', '2021年1月1日'],
  ])('rejects %s (“%s”)', (_situation, text) => {
    expect(isIsoDate(text)).toBe(false);
  });
});

describe('todayInChina', () => {
  it.each([
    ['midnight UTC is 08:00 in China, same day', '2021-06-15T00:00:00Z', '2021-06-15'],
    ['one millisecond before midnight in China', '2021-12-31T15:59:59.999Z', '2021-12-31'],
    ['midnight in China on New Year', '2021-12-31T16:00:00Z', '2022-01-01'],
    ['half past midnight in China on New Year', '2021-12-31T16:30:00Z', '2022-01-01'],
    ['late evening UTC on 28 February of a leap year', '2024-02-28T20:00:00Z', '2024-02-29'],
    ['late evening UTC on 28 February of a common year', '2021-02-28T20:00:00Z', '2021-03-01'],
    ['an instant given with its own offset', '2022-01-31T23:30:00+08:00', '2022-01-31'],
  ])('%s: %s → %s', (_situation, instant, day) => {
    expect(todayInChina(new Date(instant))).toBe(day);
  });
});

describe('endOfWeek', () => {
  it.each([
    ['a Monday', '2026-11-23', '2026-11-29'],
    ['a Thursday', '2026-11-26', '2026-11-29'],
    ['a Sunday is its own week’s end', '2026-11-29', '2026-11-29'],
    ['a week across the new year', '2026-12-30', '2027-01-03'],
    ['a week across 29 February', '2024-02-27', '2024-03-03'],
  ])('%s (%s) → %s', (_situation, date, expected) => {
    expect(endOfWeek(date)).toBe(expected);
  });
});

describe('startOfWeek', () => {
  it.each([
    ['a Monday is its own week’s start', '2026-11-23', '2026-11-23'],
    ['a Thursday', '2026-11-26', '2026-11-23'],
    ['a Sunday', '2026-11-29', '2026-11-23'],
    ['a week across the new year', '2027-01-01', '2026-12-28'],
    ['a week across 29 February', '2024-03-01', '2024-02-26'],
  ])('%s (%s) → %s', (_situation, date, expected) => {
    expect(startOfWeek(date)).toBe(expected);
  });
});
