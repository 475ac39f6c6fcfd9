import type { Db } from '../../db/connection.ts';
import { loadReportFactsWithId } from '../../db/queries/report-facts.ts';
import { findVersion } from '../../db/queries/report-versions.ts';
import type { StoredReport } from '../../domain/report/build.ts';
import { publishedPrevious, thawReport } from '../../domain/report/snapshot.ts';
import type { Narrative, ReportFacts } from '../../domain/report/types.ts';

/** Everything an agency-year's report is built from, as stored now. */
export interface ReportInputs {
  agencyId: number;
  facts: ReportFacts;
  stored: StoredReport;
  /** the draft's version (0: never saved) */
  draftVersion: number;
  /** the latest published version's number (0: not published) */
  publishedVersion: number;
}

/**
 * Loads an agency-year's facts (one round of SQL aggregates), its stored narrative and draft
 * version, and the previous year's latest published version when there is one; null for an
 * unknown agency.
 */
export async function loadReportInputs(
  db: Db,
  agencyCode: string,
  year: number,
): Promise<ReportInputs | null> {
  const agency = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', agencyCode)
    .executeTakeFirst();
  if (!agency) return null;
  const previous = await findVersion(db, agency.id, year - 1);
  const loaded = await loadReportFactsWithId(db, agencyCode, year, { previous: !previous });
  if (!loaded) return null;
  const { agencyId, facts } = loaded;
  const row = await db.kysely
    .selectFrom('annual_reports')
    .select(['narrative', 'published_on', 'version'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  const latest = await db.kysely
    .selectFrom('annual_report_versions')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return {
    agencyId,
    facts,
    stored: {
      narrative: row?.narrative ? (JSON.parse(row.narrative) as Narrative) : null,
      publishedOn: row?.published_on ?? null,
      previousPublished: previous ? publishedPrevious(thawReport(previous.snapshot)) : null,
    },
    draftVersion: row ? Number(row.version) : 0,
    publishedVersion: Number(latest?.n ?? 0),
  };
}
