/**
 * The days off a year has by statute, for the years whose State Council notice the calendar does
 * not hold yet (provisional years). Counted from 《全国年节及纪念日放假办法》 (2024 revision, in force
 * from 2025-01-01; docs/law.md):
 *
 * > 第二条 全体公民放假的节日：（一）元旦，放假1天（1月1日）；（二）春节，放假4天（农历除夕、正月初一至初三）；
 * > （三）清明节，放假1天（农历清明当日）；（四）劳动节，放假2天（5月1日、2日）；（五）端午节，放假1天（农历端午当日）；
 * > （六）中秋节，放假1天（农历中秋当日）；（七）国庆节，放假3天（10月1日至3日）。
 *
 * > 第六条 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。……
 *
 * The lunar dates and 清明 come from `chinese-days` (pure functions of the date). What a notice adds
 * beyond the statute (调休 into longer blocks, 第七条) cannot be foreseen: a provisional year is
 * counted with the statutory days only, and the result stays flagged provisional.
 */
import chineseDays from 'chinese-days';
import { addDays, dayNumber, weekdayOf } from './days.ts';

/** The first year the 2024 revision's 第二条 governs (earlier years keep Monday–Friday when unconfirmed). */
export const STATUTORY_HOLIDAYS_FROM = 2025;

/** A statutory day off: its date and the festival (第二条) or 补假 (第六条) it is for. */
export interface StatutoryDayOff {
  date: string;
  name: string;
}

/**
 * 第二条: the festival days of a year, in date order. A day two festivals share (中秋 on 10-01…10-03)
 * is one day off: the statute gives no extra day for it (a notice may).
 */
export function festivalDays(year: number): StatutoryDayOff[] {
  const springFestival = chineseDays.getSolarDateFromLunar(`${year}-01-01`).date;
  const days: StatutoryDayOff[] = [
    { date: `${year}-01-01`, name: '元旦' },
    { date: addDays(springFestival, -1), name: '春节（除夕）' },
    { date: springFestival, name: '春节（正月初一）' },
    { date: addDays(springFestival, 1), name: '春节（正月初二）' },
    { date: addDays(springFestival, 2), name: '春节（正月初三）' },
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: chineseDays.getSolarDateFromLunar(`${year}-05-05`).date, name: '端午节' },
    { date: chineseDays.getSolarDateFromLunar(`${year}-08-15`).date, name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  const byDate = new Map<string, StatutoryDayOff>();
  for (const day of days) {
    const same = byDate.get(day.date);
    if (same) same.name = `${same.name}、${day.name}`;
    else byDate.set(day.date, { ...day });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

const isWeekend = (date: string) => {
  const weekday = weekdayOf(dayNumber(date));
  return weekday === 0 || weekday === 6;
};

const cache = new Map<number, StatutoryDayOff[]>();

/**
 * Every statutory day off of a year, in date order: the festival days of 第二条 and, for each one
 * that falls on a Saturday or Sunday, a 补假 (第六条) on the next Monday–Friday that is not already
 * a day off. Computed once per year.
 */
export function statutoryDaysOff(year: number): StatutoryDayOff[] {
  const known = cache.get(year);
  if (known) return known;
  const festivals = festivalDays(year);
  const off = new Set(festivals.map((day) => day.date));
  const result = [...festivals];
  for (const festival of festivals) {
    if (!isWeekend(festival.date)) continue;
    let day = addDays(festival.date, 1);
    while (isWeekend(day) || off.has(day)) day = addDays(day, 1);
    off.add(day);
    result.push({ date: day, name: `${festival.name}补假` });
  }
  result.sort((a, b) => (a.date < b.date ? -1 : 1));
  cache.set(year, result);
  return result;
}

/** How a provisional year is counted, in the words the CLI, the portal and the console show. */
export const PROVISIONAL_COUNTING =
  '暂按《全国年节及纪念日放假办法》第二条的法定节日和第六条的补假推算（周六、周日休息，不含调休）';
