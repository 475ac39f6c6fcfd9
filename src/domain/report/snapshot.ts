import type { AnnualReport, Cells, YearFacts } from './types.ts';

/**
 * A published version of a report, frozen: the whole AnnualReport as it was published (its
 * format id, cells, narrative, charts, violations, publishedOn) and the year's facts, which the next year's report
 * compares with (R7, R8 and the year-over-year sentences). Stored as JSON; the renderers take the
 * AnnualReport back as is, so a version renders the same bytes every time.
 */
export interface ReportSnapshot {
  format: 1;
  report: AnnualReport;
  facts: YearFacts;
}

/** The snapshot of a report and its year's facts, as stored (JSON text). */
export function freezeReport(report: AnnualReport, facts: YearFacts): string {
  const snapshot: ReportSnapshot = { format: 1, report, facts };
  return JSON.stringify(snapshot);
}

/**
 * A stored snapshot back; throws on a text that is not one (a corrupted row is a bug, not input).
 * Versions frozen before reports recorded their format were all in the 2021 format.
 */
export function thawReport(text: string): ReportSnapshot {
  const parsed = JSON.parse(text) as Partial<ReportSnapshot>;
  if (parsed.format !== 1 || !parsed.report || !parsed.facts)
    throw new Error('not a report snapshot (format 1)');
  const report: AnnualReport = { ...parsed.report, format: parsed.report.format ?? '2021' };
  return { format: 1, report, facts: parsed.facts };
}

/** What a year's report compares with from the previous year's published version. */
export interface PublishedPrevious {
  cells: Cells;
  facts: YearFacts;
}

/** The previous-year comparison data of a snapshot. */
export function publishedPrevious(snapshot: ReportSnapshot): PublishedPrevious {
  return { cells: snapshot.report.cells, facts: snapshot.facts };
}
