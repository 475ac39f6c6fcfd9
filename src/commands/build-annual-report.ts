import type { Db } from '../db/connection.ts';
import { loadReportFactsWithId } from '../db/queries/report-facts.ts';
import { buildReport } from '../domain/report/build.ts';
import type { AnnualReport, Narrative } from '../domain/report/types.ts';

/** Loads an agency-year's facts and stored narrative and builds its report; null for an unknown agency. */
export async function buildAnnualReport(
  db: Db,
  agencyCode: string,
  year: number,
  options: { today?: string } = {},
): Promise<AnnualReport | null> {
  const loaded = await loadReportFactsWithId(db, agencyCode, year);
  if (!loaded) return null;
  const { agencyId, facts } = loaded;
  const stored = await db.kysely
    .selectFrom('annual_reports')
    .select(['narrative', 'published_on'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return buildReport(
    facts,
    {
      narrative: stored?.narrative ? (JSON.parse(stored.narrative) as Narrative) : null,
      publishedOn: stored?.published_on ?? null,
    },
    options,
  );
}
