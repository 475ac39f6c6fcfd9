/**
 * When the daily 网站自查 runs (issue 15: "the rules, measured on the platform's own data every
 * day"): a time of day in China (UTC+8 all year, no daylight saving), set by
 * GONGKAI_DAILY_INSPECTION (`HH:MM`, default 02:00; `off` for none). Pure: the server's scheduler
 * (server/daily-inspection.ts) asks when to wake next and whether today's run is due.
 */
import { todayInChina } from '../dates.ts';

/** A time of day in China. */
export interface DailyTime {
  hour: number;
  minute: number;
}

export const DEFAULT_DAILY_TIME: DailyTime = { hour: 2, minute: 0 };

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The setting as a time, null for `off`, or a Chinese message saying what to write. */
export function parseDailyTime(text: string | undefined): DailyTime | null | { error: string } {
  if (text === undefined || text.trim() === '') return DEFAULT_DAILY_TIME;
  const value = text.trim();
  if (value.toLowerCase() === 'off') return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  const hour = match ? Number(match[1]) : Number.NaN;
  const minute = match ? Number(match[2]) : Number.NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59))
    return {
      error: `GONGKAI_DAILY_INSPECTION（每日网站自查的时间）应为北京时间 HH:MM（如 02:00），或 off 表示不自动运行；收到“${value}”`,
    };
  return { hour, minute };
}

/** The instant of `time` on the China day of `now`. */
function onChinaDay(now: Date, time: DailyTime): Date {
  const midnight = Date.parse(`${todayInChina(now)}T00:00:00Z`) - CHINA_OFFSET_MS;
  return new Date(midnight + (time.hour * 60 + time.minute) * 60_000);
}

/** Whether today's run is due at `now`: the time of day has come (a server started later catches up). */
export function dueToday(now: Date, time: DailyTime): boolean {
  return now.getTime() >= onChinaDay(now, time).getTime();
}

/** The next instant after `now` the daily run is due. */
export function nextRunAt(now: Date, time: DailyTime): Date {
  const today = onChinaDay(now, time);
  return today.getTime() > now.getTime() ? today : new Date(today.getTime() + DAY_MS);
}
