import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { chineseDaysData } from './chinese-days-data.ts';
import { dayNumber, isoDate } from './days.ts';
import type { HolidayNotice } from './notice.ts';
import { createWorkCalendar, unconfirmedYears } from './work-calendar.ts';

const calendar = createWorkCalendar({ base: chineseDaysData });

/** A made-up notice for 2027 (not the real one): New Year 1-1…1-3 off, Saturday 2-20 worked. */
const notice2027: HolidayNotice = {
  year: 2027,
  documentNumber: '国办发明电〔2026〕测试号',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: ['2027-02-20'],
};

describe('the official calendars 2024–2026', () => {
  it.each([
    ['a Sunday worked before Spring Festival 2024', '2024-02-04', true],
    ['New Year’s Eve 2024, an ordinary Friday', '2024-02-09', true],
    ['a Monday inside Spring Festival 2024', '2024-02-12', false],
    ['the Sunday worked after Spring Festival 2024', '2024-02-18', true],
    ['an ordinary Saturday', '2024-03-16', false],
    ['an ordinary Wednesday', '2024-03-20', true],
    ['the Sunday worked before National Day 2024', '2024-09-29', true],
    ['the last day of National Day 2024', '2024-10-07', false],
    ['the Saturday worked after National Day 2024', '2024-10-12', true],
    ['the Sunday worked before Spring Festival 2025', '2025-01-26', true],
    ['a Tuesday inside Spring Festival 2025', '2025-02-04', false],
    ['the Saturday worked after Spring Festival 2025', '2025-02-08', true],
    ['the Sunday worked before National Day 2025', '2025-09-28', true],
    ['the eighth day of National Day and Mid-Autumn 2025', '2025-10-08', false],
    ['the Saturday worked after National Day 2025', '2025-10-11', true],
    ['the Sunday worked after New Year 2026', '2026-01-04', true],
    ['the Saturday worked before Spring Festival 2026', '2026-02-14', true],
    ['the last day of Spring Festival 2026', '2026-02-23', false],
    ['the Saturday worked after Spring Festival 2026', '2026-02-28', true],
    ['the Sunday worked before National Day 2026', '2026-09-20', true],
    ['the Saturday worked after National Day 2026', '2026-10-10', true],
    ['New Year’s Day 2027, not yet confirmed: off by 放假办法 第二条', '2027-01-01', false],
    ['a Friday of unconfirmed 2027 outside any festival', '2027-01-08', true],
  ])('isWorkingDay on %s (%s) is %s', (_situation, date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['received the day before New Year’s Eve 2024', '2024-02-08', '2024-03-13'],
    ['received during Spring Festival 2024', '2024-02-12', '2024-03-14'],
    ['received on the Sunday worked after Spring Festival 2024', '2024-02-18', '2024-03-15'],
    ['received the Monday after Spring Festival 2024', '2024-02-19', '2024-03-18'],
    ['received on an ordinary Saturday before Qingming 2024', '2024-03-16', '2024-04-15'],
    ['received the Friday before National Day 2024', '2024-09-27', '2024-10-30'],
    ['received during National Day 2024', '2024-10-03', '2024-11-01'],
    ['received on the Saturday worked after National Day 2024', '2024-10-12', '2024-11-08'],
    ['received the Friday before Spring Festival 2025', '2025-01-24', '2025-02-27'],
    ['received the Friday before National Day 2025', '2025-09-26', '2025-10-30'],
    ['received the Friday before Spring Festival 2026', '2026-02-13', '2026-03-19'],
    ['received the Monday before National Day 2026', '2026-09-28', '2026-10-30'],
    [
      'received in December 2026, running into unconfirmed 2027 (元旦 off, 放假办法 第二条)',
      '2026-12-10',
      '2027-01-08',
    ],
  ])('addWorkingDays 20 when %s (%s) is %s', (_situation, received, due) => {
    expect(calendar.addWorkingDays(received, 20)).toBe(due);
    expect(calendar.workingDaysBetween(received, due)).toBe(20);
  });

  it.each([
    ['zero days gives the day itself, even a holiday', '2024-02-12', 0, '2024-02-12'],
    ['one day from the eve of Spring Festival 2024 is the Sunday worked', '2024-02-09', 1, '2024-02-18'],
    ['seven days (第三十条) from a Friday before National Day 2025', '2025-09-26', 7, '2025-10-13'],
  ])('addWorkingDays: %s', (_situation, date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['the day after a holiday block is its only working day', '2024-02-09', '2024-02-18', 1],
    ['only holidays and weekends in between', '2024-02-10', '2024-02-17', 0],
    ['the same day', '2024-05-06', '2024-05-06', 0],
    ['b before a', '2024-05-06', '2024-05-01', 0],
    ['a whole confirmed year (2024: 366 days, 251 working)', '2023-12-31', '2024-12-31', 251],
    ['into unconfirmed 2027, 元旦 off by 放假办法 第二条', '2026-12-31', '2027-01-08', 5],
  ])('workingDaysBetween: %s', (_situation, a, b, expected) => {
    expect(calendar.workingDaysBetween(a, b)).toBe(expected);
  });

  it('agrees with chinese-days on every day 2004–2026', () => {
    const differences: string[] = [];
    for (let day = dayNumber('2004-01-01'); day <= dayNumber('2026-12-31'); day++) {
      const date = isoDate(day);
      if (calendar.isWorkingDay(date) !== chineseDays.isWorkday(date)) differences.push(date);
    }
    expect(differences).toEqual([]);
  });
});

describe('confirmed years, notices and overrides', () => {
  it('confirms exactly the years of the shipped data', () => {
    expect(calendar.confirmedYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(calendar.isConfirmed(2026)).toBe(true);
    expect(calendar.isConfirmed(2027)).toBe(false);
    expect(calendar.isConfirmed(2003)).toBe(false);
  });

  it('confirms 2027 and counts its holidays once its notice is imported', () => {
    const withNotice = createWorkCalendar({ base: chineseDaysData, notices: [notice2027] });
    expect(withNotice.isConfirmed(2027)).toBe(true);
    expect(withNotice.confirmedYears().at(-1)).toBe(2027);
    expect(withNotice.isWorkingDay('2027-01-01')).toBe(false);
    expect(withNotice.isWorkingDay('2027-02-20')).toBe(true);
    expect(withNotice.addWorkingDays('2026-12-10', 20)).toBe('2027-01-08');
    expect(withNotice.workingDaysBetween('2026-12-31', '2027-01-08')).toBe(5);
  });

  it('lets an imported notice replace the shipped data of its year', () => {
    const replaced = createWorkCalendar({
      base: chineseDaysData,
      notices: [{ year: 2026, documentNumber: '测试', holidays: ['2026-01-01'], workdays: [] }],
    });
    expect(replaced.isWorkingDay('2026-02-16')).toBe(true);
    expect(replaced.isWorkingDay('2026-02-14')).toBe(false);
    expect(replaced.isWorkingDay('2025-01-28')).toBe(false);
  });

  it.each([
    ['a local holiday on an ordinary working day', '2024-02-09', 'holiday', false, '2024-03-14'],
    ['a local working day inside National Day', '2024-10-07', 'workday', true, '2024-10-29'],
    ['a local holiday on a make-up working day', '2024-09-29', 'holiday', false, '2024-10-31'],
  ] as const)('lets an override win: %s', (_situation, date, kind, working, due) => {
    const local = createWorkCalendar({
      base: chineseDaysData,
      overrides: [{ date, kind, source: '本地通知' }],
    });
    expect(local.isWorkingDay(date)).toBe(working);
    expect(local.addWorkingDays(date < '2024-06-01' ? '2024-02-08' : '2024-09-27', 20)).toBe(due);
  });

  it.each([
    ['an invalid date', () => calendar.isWorkingDay('2024-02-30'), '不是有效日期'],
    ['a date before 2000', () => calendar.addWorkingDays('1999-12-31', 1), '超出工作日历的范围'],
    ['a count past 2100', () => calendar.addWorkingDays('2100-12-01', 40), '超出工作日历的范围'],
    ['a negative count', () => calendar.addWorkingDays('2024-01-02', -1), '非负整数'],
  ])('refuses %s', (_situation, call, message) => {
    expect(call).toThrow(message);
  });

  it.each([
    ['a count inside confirmed years', '2024-01-02', '2026-12-31', []],
    ['a count running into 2027', '2026-12-10', '2027-01-07', [2027]],
    ['dates given in reverse', '2028-01-02', '2026-05-01', [2027, 2028]],
  ])('unconfirmedYears: %s', (_situation, from, to, years) => {
    expect(unconfirmedYears(calendar, from, to)).toEqual(years);
  });
});
