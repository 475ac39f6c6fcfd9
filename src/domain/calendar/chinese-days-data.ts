/**
 * The State Council holiday notices 2004–2026 as the npm package `chinese-days` ships them: a pure
 * JSON import (no I/O of ours), reshaped into `CalendarData`. A year absent here is not confirmed.
 */
import shipped from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** Several years' holidays and make-up working days (调休), and the years they cover (confirmed). */
export interface CalendarData {
  years: number[];
  /** dates made holidays (weekend days inside a holiday block included) */
  holidays: string[];
  /** weekend dates made working days (调休) */
  workdays: string[];
}

function reshape(source: {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}): CalendarData {
  const holidays = Object.keys(source.holidays).sort();
  const workdays = Object.keys(source.workdays).sort();
  const years = [...new Set(holidays.map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
  return { years, holidays, workdays };
}

/** The holiday data of `chinese-days` (2004–2026 in version 1.5.7). */
export const chineseDaysData: CalendarData = reshape(shipped);
