/** The 工作台's counts of a year as a kind kept ahead (commands/supervision/kept-counts.ts). */
import type { Db } from '../../db/connection.ts';
import { supervisionYearRows } from '../../db/queries/supervision-year-rows.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { decodeYearCounts, encodeYearCounts } from '../../domain/supervision/kept.ts';
import type { AgencyCounts } from '../../domain/supervision/overview.ts';
import type { KeptKind } from './kept-counts.ts';

export const OVERVIEW_KIND = 'overview';

/** The year's counts per agency (all but open and overdue, which are counted when asked). */
export function overviewCounts(db: Db, calendar: WorkCalendar): KeptKind<AgencyCounts> {
  return {
    kind: OVERVIEW_KIND,
    count: (ids, year) => supervisionYearRows(db, calendar, ids, year),
    encode: encodeYearCounts,
    decode: decodeYearCounts,
  };
}
