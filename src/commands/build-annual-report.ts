import type { Db } from '../db/connection.ts';
import { type BuildOptions, buildReport } from '../domain/report/build.ts';
import type { AnnualReport } from '../domain/report/types.ts';
import { loadReportInputs } from './reports/report-inputs.ts';

/**
 * Loads an agency-year's facts and stored narrative and builds its report as the records say
 * now (the working draft); null for an unknown agency. R7, R8 and the year-over-year sentences
 * compare with the previous year's published version when there is one. The format is the
 * year's (2019 trial format up to 2020, then 2021) unless `options.format` names another.
 */
export async function buildAnnualReport(
  db: Db,
  agencyCode: string,
  year: number,
  options: BuildOptions = {},
): Promise<AnnualReport | null> {
  const inputs = await loadReportInputs(db, agencyCode, year);
  if (!inputs) return null;
  return buildReport(inputs.facts, inputs.stored, options);
}
