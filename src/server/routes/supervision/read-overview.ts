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
import {
  type AgencyCounts,
  buildOverview,
  countsOf,
  type OverviewRow,
} from '../../../domain/supervision/overview.ts';

type SubtreeAgency = Awaited<ReturnType<typeof subtreeAgencies>>[number];

/**
 * The year's rows of a subtree (`agencies`, root first, from subtreeAgencies): the year's counts
 * kept ahead (counted again for the agencies changed since), with, when `openOn` is given, the
 * requests open and overdue on that day counted now; and each agency's report status of the year.
 */
export async function readYearRows(
  db: Db,
  calendar: WorkCalendar,
  clock: Clock,
  input: {
    agencies: readonly SubtreeAgency[];
    year: number;
    today: string;
    openOn?: string;
    onError?: (error: unknown) => void;
  },
): Promise<{ rows: OverviewRow[]; countedUpTo: string; pending: number }> {
  const { agencies } = input;
  const ids = agencies.map((a) => a.id);
  // independent reads, side by side (on PostgreSQL each on a connection of the pool)
  const [kept, open, reports] = await Promise.all([
    readKeptCounts(db, clock, overviewCounts(db, calendar), input.year, ids, { onError: input.onError }),
    input.openOn === undefined
      ? new Map<number, Partial<AgencyCounts>>()
      : supervisionOpenRows(db, ids, input.openOn),
    supervisionReports(db, ids, input.year),
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
  return {
    rows: buildOverview(agencies, counts, statuses),
    countedUpTo: kept.countedUpTo,
    pending: kept.pending,
  };
}

/**
 * The overview of the subtree under `rootId` for a year, as of `today`: the year's rows
 * (readYearRows, open and overdue requests counted on `today`), the latest inspection's vetoes and
 * the 督办 of each agency, rolled up to their parents.
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
  const [year, inspections, reminders] = await Promise.all([
    readYearRows(db, calendar, clock, { ...input, agencies, openOn: input.today }),
    supervisionInspections(db, ids, vetoCodes),
    supervisionReminders(db, ids, input.today),
  ]);
  const rowsOut = year.rows;
  const codes = new Map(agencies.map((a) => [a.id, a.code]));
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
    countedUpTo: year.countedUpTo,
    pending: year.pending,
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
