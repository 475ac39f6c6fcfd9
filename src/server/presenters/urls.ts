/** The URLs of a report, in one place, so pages and routes agree. */

/** The page and the downloads of an agency-year report. */
export interface ReportUrls {
  page: string;
  json: string;
  html: string;
  docx: string;
  pdf: string;
}

/**
 * A published report's page and downloads: the frozen version (`version`), or the year's latest
 * published version. The downloads are the public version files, the same bytes every time.
 */
export function publishedReportUrls(code: string, year: number, version?: number): ReportUrls {
  const agency = encodeURIComponent(code);
  const base = `/api/v1/public/agencies/${agency}/reports/${year}`;
  const file = version === undefined ? base : `${base}/versions/${version}`;
  return {
    page: `/agencies/${agency}/reports/${year}${version === undefined ? '' : `?version=${version}`}`,
    json: `${file}.json`,
    html: `${file}.html`,
    docx: `${file}.docx`,
    pdf: `${file}.pdf`,
  };
}

/** The open data of the published reports (docs/open-data.md): an agency's every year, or a year's every agency. */
export function openDataUrls(scope: { agency: string } | { year: number }): { json: string; csv: string } {
  if ('year' in scope)
    return {
      json: `/api/v1/public/reports.json?year=${scope.year}`,
      csv: `/api/v1/public/reports.csv?year=${scope.year}`,
    };
  const base = `/api/v1/public/agencies/${encodeURIComponent(scope.agency)}/reports`;
  return { json: `${base}.json`, csv: `${base}.csv` };
}
