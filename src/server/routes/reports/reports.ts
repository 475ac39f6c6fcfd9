/**
 * The annual report of an agency-year as the records say now (the working draft: stored narrative
 * merged with today's generated sentences, violations as of today):
 * `GET /api/v1/agencies/:code/reports/:year` as JSON, and
 * `GET /api/v1/agencies/:code/reports/:year.:format` as a download (html, docx, pdf).
 * Published, frozen versions are served by report-versions.ts and report-public.ts (docs/reports.md).
 */

import { z } from 'zod';
import { agencyCode } from '../../../contract/common.ts';
import { reportJsonSchema, reportYearListSchema } from '../../../contract/reports.ts';
import { readReportYears } from '../../../db/queries/report-years.ts';
import type { AgencyKind } from '../../../domain/report/vocabulary.ts';
import {
  REPORT_YEAR_STATUS_LABELS,
  reportYearStatus,
  reportYearsUpTo,
} from '../../../domain/report/year-status.ts';
import { agencyOf } from '../../actor.ts';
import { loadReport } from '../../load-report.ts';
import { CONTENT_TYPES, contentDisposition, renderReportFile } from '../../presenters/report-file.ts';
import { reportJson } from '../../presenters/report-json.ts';
import { errorBody, readErrors, reportFileParams, reportParams } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const reportRoutes: RouteModule = async (app, { db, clock, pdfLimiter }) => {
  app.get(
    '/api/v1/agencies/:code/reports',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['reports'],
        summary:
          "The agency's report years, each 未编制, 草稿, 已发布 (version, day) or 逾期未发布 (deadline)",
        params: z.object({ code: agencyCode }),
        response: { 200: reportYearListSchema, ...readErrors },
      },
    },
    async (request) => {
      const rows = await readReportYears(db, agencyOf(request).id);
      const today = clock.today();
      return {
        years: reportYearsUpTo(today).map((year) => {
          const status = reportYearStatus({
            year,
            today,
            agencyKind: rows.kind as AgencyKind,
            ownDeadline: rows.reportDeadline,
            draftSaved: rows.drafted.has(year),
            latest: rows.latest.get(year) ?? null,
          });
          return { ...status, statusLabel: REPORT_YEAR_STATUS_LABELS[status.status] };
        }),
      };
    },
  );

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
