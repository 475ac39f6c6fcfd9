/**
 * The working-day calendar (工作日): weekends and public holidays are not working days, except the
 * weekend days the State Council's yearly notice makes working days (调休). Dates are ISO text.
 */
export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `date` (the day itself is not counted); n ≥ 0, n = 0 gives `date`. */
  addWorkingDays(date: string, n: number): string;
  /** The number of working days after `a` up to and including `b` (0 when b ≤ a). */
  workingDaysBetween(a: string, b: string): number;
  /** Whether the calendar holds the official notice of that year (else it counts Monday–Friday: provisional). */
  isConfirmed(year: number): boolean;
  /** The confirmed years, ascending. */
  confirmedYears(): number[];
}

/** An installation's own entry: a date made a holiday or a working day, with the notice it comes from. */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  /** e.g. 国办发明电〔2026〕7号 */
  source: string;
}
