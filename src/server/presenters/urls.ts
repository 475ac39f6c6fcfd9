/** The URLs of a report, in one place, so pages and routes agree. */

/** The page and the downloads of an agency-year report. */
export interface ReportUrls {
  page: string;
  json: string;
  html: string;
  docx: string;
  pdf: string;
}

/** `/agencies/:code/reports/:year` (page) and `/api/v1/agencies/:code/reports/:year[.format]`. */
export function reportUrls(code: string, year: number): ReportUrls {
  const agency = encodeURIComponent(code);
  const api = `/api/v1/agencies/${agency}/reports/${year}`;
  return {
    page: `/agencies/${agency}/reports/${year}`,
    json: api,
    html: `${api}.html`,
    docx: `${api}.docx`,
    pdf: `${api}.pdf`,
  };
}
