/** What the list of report years reads: the agency's kind and own deadline, saved drafts, latest versions. */
import type { Db } from '../connection.ts';

export interface ReportYearRows {
  kind: string;
  reportDeadline: string | null;
  /** years whose narrative staff have saved */
  drafted: Set<number>;
  /** each published year's latest version */
  latest: Map<number, { version: number; publishedOn: string }>;
}

/** The rows behind the list of an agency's report years (three small queries). */
export async function readReportYears(db: Db, agencyId: number): Promise<ReportYearRows> {
  const agency = await db.kysely
    .selectFrom('agencies')
    .select(['kind', 'report_deadline'])
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const drafts = await db.kysely
    .selectFrom('annual_reports')
    .select(['year'])
    .where('agency_id', '=', agencyId)
    .where((eb) => eb.or([eb('version', '>', 0), eb('narrative', 'is not', null)]))
    .execute();
  const versions = await db.kysely
    .selectFrom('annual_report_versions')
    .select(['year', 'version', 'published_on'])
    .where('agency_id', '=', agencyId)
    .orderBy('year')
    .orderBy('version')
    .execute();
  const latest = new Map<number, { version: number; publishedOn: string }>();
  for (const v of versions) latest.set(v.year, { version: v.version, publishedOn: v.published_on });
  return {
    kind: agency.kind,
    reportDeadline: agency.report_deadline,
    drafted: new Set(drafts.map((d) => d.year)),
    latest,
  };
}
