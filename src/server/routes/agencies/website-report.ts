/**
 * 政府网站工作年度报表 (issue 15, docs/website-report.md):
 * - `GET /api/v1/agencies/:code/website-report?year=` — the year's rows (default: last year, the
 *   report due by 31 January), computed and filled in, and the required rows still empty;
 * - `PUT …/website-report?year=` `{ fields: { code: value } }` — the 机关管理员 fills in manual rows;
 * - `GET …/website-report.docx|xlsx?year=[&draft=1]` — the report as the template lays it out; refused
 *   (400, naming the rows) while a required row is empty, unless `draft=1`.
 * Every staff role of the agency and a supervisor above read (`website_report/view`).
 */
import { z } from 'zod';
import { saveWebsiteReport } from '../../../commands/website-report/save-website-report.ts';
import {
  websiteReportBody,
  websiteReportFileQuery,
  websiteReportQuery,
  websiteReportSchema,
} from '../../../contract/website-report.ts';
import type { Db } from '../../../db/connection.ts';
import { storedWebsiteReport, websiteReportFacts } from '../../../db/queries/website-report.ts';
import { fillRows, missingRows } from '../../../domain/website-report/fill.ts';
import { rowName } from '../../../domain/website-report/rows.ts';
import { AppError } from '../../../errors.ts';
import { websiteReportDocx } from '../../../render/website-report/docx.ts';
import { websiteReportXlsx } from '../../../render/website-report/xlsx.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { agencyCode, errorBody, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const codeParams = z.object({ code: agencyCode });

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The year's rows filled in, as the API shows them. */
async function readReport(db: Db, agency: { id: number; code: string }, year: number) {
  const [facts, stored] = await Promise.all([
    websiteReportFacts(db, agency.id, year),
    storedWebsiteReport(db, agency.id, year),
  ]);
  const rows = fillRows(facts, stored.fields);
  return {
    year,
    agency: agency.code,
    rows: rows.map(({ required: _, ...r }) => r),
    filled: rows,
    missing: missingRows(rows).map(rowName),
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

export const websiteReportRoutes: RouteModule = async (app, options) => {
  const { db, clock } = options;
  /** Default: last year (the report due by 31 January is the year before's). */
  const yearOf = (year: number | undefined) => year ?? Number(clock.today().slice(0, 4)) - 1;

  app.get(
    '/api/v1/agencies/:code/website-report',
    {
      config: { policy: 'website_report/view' },
      schema: {
        tags: ['agencies'],
        summary:
          '政府网站工作年度报表: the year’s rows (computed and filled in) and the required rows still empty',
        params: codeParams,
        querystring: websiteReportQuery,
        response: { 200: websiteReportSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const { filled: _, ...report } = await readReport(db, agencyOf(request), yearOf(request.query.year));
      return report;
    },
  );

  app.put(
    '/api/v1/agencies/:code/website-report',
    {
      config: { policy: 'website_report/edit' },
      schema: {
        tags: ['agencies'],
        summary: '政府网站工作年度报表: fill in manual rows { fields: { code: value } } (agency admin)',
        params: codeParams,
        querystring: websiteReportQuery,
        body: websiteReportBody,
        response: { 200: websiteReportSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agency = agencyOf(request);
      const year = yearOf(request.query.year);
      await saveWebsiteReport(commandContext(request, options), {
        agencyId: agency.id,
        year,
        fields: request.body.fields,
      });
      const { filled: _, ...report } = await readReport(db, agency, year);
      return report;
    },
  );

  app.get(
    '/api/v1/agencies/:code/website-report.:file',
    {
      config: { policy: 'website_report/view' },
      schema: {
        tags: ['agencies'],
        summary:
          '政府网站工作年度报表 as DOCX or XLSX (refused while a required row is empty, unless draft=1)',
        params: z.object({
          code: agencyCode,
          file: z.enum(['docx', 'xlsx'], { error: '文件格式应为 docx 或 xlsx' }),
        }),
        querystring: websiteReportFileQuery,
        response: { 200: z.any().describe('the DOCX or XLSX file'), 400: errorBody, ...readErrors },
      },
    },
    async (request, reply) => {
      const agency = agencyOf(request);
      const year = yearOf(request.query.year);
      const draft = request.query.draft === '1';
      const report = await readReport(db, agency, year);
      const missing = missingRows(report.filled);
      if (missing.length > 0 && !draft)
        throw new AppError(
          'validation',
          `以下项目尚未填写，不能导出正式报表：${missing.map(rowName).join('、')}。请先填写；如需先看草稿，请导出草稿。`,
          missing.map((r) => ({ field: r.code, message: `请填写“${rowName(r)}”` })),
        );
      const file = request.params.file;
      const input = {
        agencyName: agency.name,
        year,
        rows: report.filled,
        draft: draft && missing.length > 0,
      };
      const body = file === 'docx' ? await websiteReportDocx(input) : await websiteReportXlsx(input);
      const suffix = input.draft ? '（草稿）' : '';
      return reply
        .type(CONTENT_TYPES[file])
        .header(
          'content-disposition',
          contentDisposition(
            `${agency.name}${year}年度政府网站工作年度报表${suffix}.${file}`,
            `${agency.code}-${year}-website-report${input.draft ? '-draft' : ''}.${file}`,
          ),
        )
        .send(body);
    },
  );
};
