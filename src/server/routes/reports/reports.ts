/**
 * The annual report of an agency-year as the records say now (the working draft: stored narrative
 * merged with today's generated sentences, violations as of today):
 * `GET /api/v1/agencies/:code/reports/:year` as JSON, and
 * `GET /api/v1/agencies/:code/reports/:year.:format` as a download (html, docx, pdf).
 * Published, frozen versions are served by report-versions.ts and report-public.ts (docs/reports.md).
 */

import { reportJsonSchema } from '../../../contract/reports.ts';
import { loadReport } from '../../load-report.ts';
import { CONTENT_TYPES, contentDisposition, renderReportFile } from '../../presenters/report-file.ts';
import { reportJson } from '../../presenters/report-json.ts';
import { errorBody, reportFileParams, reportParams } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const reportRoutes: RouteModule = async (app, { db, clock, pdfLimiter }) => {
  app.get(
    '/api/v1/agencies/:code/reports/:year',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['reports'],
        summary: 'The annual report of an agency-year as JSON, computed from the records now',
        description:
          'The working draft: cells from the records, the stored narrative merged with the generated ' +
          'sentences, violations as of today. Published versions (frozen) are under …/versions and ' +
          '/api/v1/public/agencies/{code}/reports/{year}.',
        params: reportParams,
        response: { 200: reportJsonSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      return reportJson(await loadReport(db, code, year, clock.today()));
    },
  );

  app.get(
    '/api/v1/agencies/:code/reports/:year.:format',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['reports'],
        summary: 'The annual report of an agency-year as a file (HTML, DOCX or PDF)',
        description: 'Sent as an attachment named “{机关名}{year}年政府信息公开工作年度报告.{format}”.',
        params: reportFileParams,
        produces: Object.values(CONTENT_TYPES),
      },
    },
    async (request, reply) => {
      const { code, year, format } = request.params;
      const report = await loadReport(db, code, year, clock.today());
      // the live draft, for staff: a preview with its validation results
      const file = await renderReportFile(report, format, pdfLimiter, { preview: true });
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName, file.asciiFileName))
        .header('cache-control', 'no-cache')
        .send(file.body);
    },
  );
};
