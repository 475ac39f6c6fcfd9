import { describe, expect, it } from 'vitest';
import { chineseDaysData } from './chinese-days-data.ts';
import { festivalDays, statutoryDaysOff } from './statutory-holidays.ts';
import { createWorkCalendar } from './work-calendar.ts';

const provisional = createWorkCalendar({ base: chineseDaysData });

describe('放假办法 第二条 and 第六条: the statutory days off of a year without its notice', () => {
  it.each([
    [
      2027,
      [
        ['2027-01-01', '元旦'],
        ['2027-02-05', '春节（除夕）'],
        ['2027-02-06', '春节（正月初一）'],
        ['2027-02-07', '春节（正月初二）'],
        ['2027-02-08', '春节（正月初三）'],
        ['2027-02-09', '春节（正月初一）补假'],
        ['2027-02-10', '春节（正月初二）补假'],
        ['2027-04-05', '清明节'],
        ['2027-05-01', '劳动节'],
        ['2027-05-02', '劳动节'],
        ['2027-05-03', '劳动节补假'],
        ['2027-05-04', '劳动节补假'],
        ['2027-06-09', '端午节'],
        ['2027-09-15', '中秋节'],
        ['2027-10-01', '国庆节'],
        ['2027-10-02', '国庆节'],
        ['2027-10-03', '国庆节'],
        ['2027-10-04', '国庆节补假'],
        ['2027-10-05', '国庆节补假'],
      ],
    ],
    [
      2028,
      [
        ['2028-01-01', '元旦'],
        ['2028-01-03', '元旦补假'],
        ['2028-01-25', '春节（除夕）'],
        ['2028-01-26', '春节（正月初一）'],
        ['2028-01-27', '春节（正月初二）'],
        ['2028-01-28', '春节（正月初三）'],
        ['2028-04-04', '清明节'],
        ['2028-05-01', '劳动节'],
        ['2028-05-02', '劳动节'],
        ['2028-05-28', '端午节'],
        ['2028-05-29', '端午节补假'],
        ['2028-10-01', '国庆节'],
        ['2028-10-02', '国庆节'],
        ['2028-10-03', '中秋节、国庆节'],
        ['2028-10-04', '国庆节补假'],
      ],
    ],
  ])('%i: the festivals of 第二条 and the 补假 of 第六条', (year, expected) => {
    expect(statutoryDaysOff(year).map((day) => [day.date, day.name])).toEqual(expected);
  });

  it.each([2025, 2026])(
    'every festival day of 第二条 in %i is a day off in that year’s official notice (the lunar dates agree)',
    (year) => {
      const official = new Set(chineseDaysData.holidays);
      expect(festivalDays(year).filter((day) => !official.has(day.date))).toEqual([]);
    },
  );

  it.each([
    ['New Year’s Day 2027 (a Friday) is off', '2026-12-31', 1, '2027-01-04'],
    ['the answer to a request of 2026-12-10 skips New Year’s Day 2027', '2026-12-10', 20, '2027-01-08'],
    [
      'Spring Festival 2027: 除夕 to 初三 and two 补假 (初一, 初二 on the weekend)',
      '2027-02-04',
      1,
      '2027-02-11',
    ],
    ['Labour Day 2027 on a weekend: 补假 Monday and Tuesday', '2027-04-30', 1, '2027-05-05'],
    ['National Day 2027: 10-01…10-05 off', '2027-09-30', 1, '2027-10-06'],
    ['New Year’s Day 2028 on a Saturday: 补假 Monday 01-03', '2027-12-31', 1, '2028-01-04'],
    ['Dragon Boat 2028 on a Sunday: 补假 Monday 05-29', '2028-05-26', 1, '2028-05-30'],
    ['Mid-Autumn 2028 on 10-03 is one day off with National Day', '2028-09-29', 1, '2028-10-05'],
  ])('a provisional count: %s', (_situation, from, n, expected) => {
    expect(provisional.addWorkingDays(from, n)).toBe(expected);
  });

  it('a notice replaces the statutory count of its year', () => {
    const withNotice = createWorkCalendar({
      base: chineseDaysData,
      notices: [{ year: 2027, documentNumber: '测试通知', holidays: ['2027-01-01'], workdays: [] }],
    });
    expect(withNotice.isWorkingDay('2027-02-09')).toBe(true);
    expect(provisional.isWorkingDay('2027-02-09')).toBe(false);
  });

  it('an override wins over a provisional day off', () => {
    const local = createWorkCalendar({
      base: chineseDaysData,
      overrides: [{ date: '2027-10-05', kind: 'workday', source: '本地通知' }],
    });
    expect(local.isWorkingDay('2027-10-05')).toBe(true);
  });
});
