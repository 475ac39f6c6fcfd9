/** The supervisor's 工作台 read: the subtree, its counts, the calendar's working days, the report statuses. */

import type { Clock } from '../../../commands/context.ts';
import { readKeptCounts } from '../../../commands/supervision/kept-counts.ts';
import { overviewCounts } from '../../../commands/supervision/overview-counts.ts';
import type { SupervisionOverview } from '../../../contract/supervision.ts';
import type { Db } from '../../../db/connection.ts';
import {
  subtreeAgencies,
  supervisionInspections,
  supervisionReminders,
  supervisionReports,
} from '../../../db/queries/supervision.ts';
import { supervisionOpenRows } from '../../../db/queries/supervision-year-rows.ts';
import type { WorkCalendar } from '../../../domain/calendar/types.ts';
import { INDICATORS } from '../../../domain/inspection/indicators.ts';
import type { AgencyKind } from '../../../domain/report/vocabulary.ts';
import { REPORT_YEAR_STATUS_LABELS, reportYearStatus } from '../../../domain/report/year-status.ts';
import { type AgencyCounts, buildOverview, countsOf } from '../../../domain/supervision/overview.ts';

/**
 * The overview of the subtree under `rootId` for a year, as of `today`: the year's counts kept
 * ahead (counted again for the agencies changed since), open and overdue requests counted now.
 */
export async function readSupervisionOverview(
  db: Db,
  calendar: WorkCalendar,
  clock: Clock,
  input: { rootId: number; year: number; today: string; onError?: (error: unknown) => void },
): Promise<SupervisionOverview> {
  const agencies = await subtreeAgencies(db, input.rootId);
  const ids = agencies.map((a) => a.id);
  const vetoCodes = Object.values(INDICATORS)
    .filter((i) => i.veto)
    .map((i) => i.code);
  // independent reads, side by side (on PostgreSQL each on a connection of the pool)
  const [kept, open, reports, inspections, reminders] = await Promise.all([
    readKeptCounts(db, clock, overviewCounts(db, calendar), input.year, ids, { onError: input.onError }),
    supervisionOpenRows(db, ids, input.today),
    supervisionReports(db, ids, input.year),
    supervisionInspections(db, ids, vetoCodes),
    supervisionReminders(db, ids, input.today),
  ]);
  const counts = new Map<number, AgencyCounts>();
  for (const [id, year] of kept.values) counts.set(id, { ...year, ...open.get(id) });
  for (const [id, now] of open) Object.assign(countsOf(counts, id), now);
  const statuses = new Map(
    agencies.map((a) => [
      a.id,
      reportYearStatus({
        year: input.year,
        today: input.today,
        agencyKind: a.kind as AgencyKind,
        ownDeadline: a.reportDeadline,
        draftSaved: reports.drafted.has(a.id),
        latest: reports.latest.get(a.id) ?? null,
      }),
    ]),
  );
  const codes = new Map(agencies.map((a) => [a.id, a.code]));
  const rowsOut = buildOverview(agencies, counts, statuses);
  // the subtree's agencies failing a veto and 督办 open: added up from the leaves (rows are parents first)
  const failingBelow = new Map<number, number>();
  const openBelow = new Map<number, number>();
  for (const row of [...rowsOut].reverse()) {
    const id = row.agency.id;
    failingBelow.set(id, (failingBelow.get(id) ?? 0) + ((inspections.get(id)?.vetoes ?? 0) > 0 ? 1 : 0));
    openBelow.set(id, (openBelow.get(id) ?? 0) + (reminders.get(id)?.open ?? 0));
    const parent = row.agency.parentId;
    if (parent !== null) {
      failingBelow.set(parent, (failingBelow.get(parent) ?? 0) + (failingBelow.get(id) ?? 0));
      openBelow.set(parent, (openBelow.get(parent) ?? 0) + (openBelow.get(id) ?? 0));
    }
  }
  return {
    year: input.year,
    today: input.today,
    provisional: !calendar.isConfirmed(input.year),
    countedUpTo: kept.countedUpTo,
    pending: kept.pending,
    agencies: rowsOut.map((row) => ({
      code: row.agency.code,
      name: row.agency.name,
      parentCode: row.agency.parentId === null ? null : (codes.get(row.agency.parentId) ?? null),
      depth: row.depth,
      report: {
        status: row.report.status,
        statusLabel: REPORT_YEAR_STATUS_LABELS[row.report.status],
        deadline: row.report.deadline,
        publishedOn: row.report.latest?.publishedOn ?? null,
        version: row.report.latest?.version ?? null,
      },
      own: row.own,
      inspection: {
        day: inspections.get(row.agency.id)?.day ?? null,
        vetoes: inspections.get(row.agency.id)?.vetoes ?? 0,
        alarms: inspections.get(row.agency.id)?.alarms ?? 0,
        failingBelow: failingBelow.get(row.agency.id) ?? 0,
      },
      reminders: {
        open: reminders.get(row.agency.id)?.open ?? 0,
        overdue: reminders.get(row.agency.id)?.overdue ?? 0,
        openBelow: openBelow.get(row.agency.id) ?? 0,
      },
      subtree: row.subtree,
    })),
  };
}
