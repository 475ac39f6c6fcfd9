/** The supervisor's 工作台 read: the subtree, its counts, the calendar's working days, the report statuses. */
import type { SupervisionOverview } from '../../../contract/supervision.ts';
import type { Db } from '../../../db/connection.ts';
import { subtreeAgencies, supervisionReports, supervisionYearRows } from '../../../db/queries/supervision.ts';
import type { WorkCalendar } from '../../../domain/calendar/types.ts';
import { publicationTimeliness } from '../../../domain/items/timeliness.ts';
import type { AgencyKind } from '../../../domain/report/vocabulary.ts';
import { REPORT_YEAR_STATUS_LABELS, reportYearStatus } from '../../../domain/report/year-status.ts';
import { buildOverview, emptyCounts } from '../../../domain/supervision/overview.ts';

/** The overview of the subtree under `rootId` for a year, as of `today`. */
export async function readSupervisionOverview(
  db: Db,
  calendar: WorkCalendar,
  input: { rootId: number; year: number; today: string },
): Promise<SupervisionOverview> {
  const agencies = await subtreeAgencies(db, input.rootId);
  const ids = agencies.map((a) => a.id);
  const rows = await supervisionYearRows(db, ids, input.year, input.today);
  const counts = rows.counts;
  const countsOf = (id: number) => {
    let c = counts.get(id);
    if (!c) {
      c = emptyCounts();
      counts.set(id, c);
    }
    return c;
  };
  // working days of each distinct pair of days, once
  const memo = new Map<string, number>();
  const workingDays = (from: string, to: string) => {
    const key = `${from}|${to}`;
    let days = memo.get(key);
    if (days === undefined) {
      days = to > from ? calendar.workingDaysBetween(from, to) : 0;
      memo.set(key, days);
    }
    return days;
  };
  for (const pair of rows.answers) {
    const histogram = countsOf(pair.agencyId).answerDays;
    const days = workingDays(pair.from, pair.to);
    histogram.set(days, (histogram.get(days) ?? 0) + pair.n);
  }
  const lateMemo = new Map<string, boolean>();
  for (const pair of rows.publications) {
    const key = `${pair.from}|${pair.to}`;
    let late = lateMemo.get(key);
    if (late === undefined) {
      late = publicationTimeliness(pair.from, pair.to, calendar).late;
      lateMemo.set(key, late);
    }
    if (late) countsOf(pair.agencyId).late += pair.n;
  }
  const reports = await supervisionReports(db, ids, input.year);
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
  return {
    year: input.year,
    today: input.today,
    provisional: !calendar.isConfirmed(input.year),
    agencies: buildOverview(agencies, counts, statuses).map((row) => ({
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
      subtree: row.subtree,
    })),
  };
}
