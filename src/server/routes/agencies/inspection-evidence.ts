/**
 * The 网站自查 evidence pack (issue 15, docs/inspection.md “Evidence pack”):
 * - `GET /api/v1/agencies/:code/inspection/evidence.xlsx|pdf?from=&to=` — the agency's stored daily
 *   results over the period (every staff role of the agency, and a supervisor above it:
 *   `inspection/view`);
 * - `GET /api/v1/agencies/:code/supervision/inspection-evidence.xlsx|pdf?from=&to=` — one pack over
 *   the agency and every agency below it (a supervisor over the agency: `policy: 'supervisor'`).
 * Without dates: the 90 days up to today. At most 366 days.
 */
import { z } from 'zod';
import { subtreeAgencies } from '../../../db/queries/supervision.ts';
import { addDays } from '../../../domain/calendar/days.ts';
import { periodRefusal } from '../../../domain/inspection/evidence.ts';
import { AppError } from '../../../errors.ts';
import { renderReportPdf } from '../../../render/pdf.ts';
import { agencyOf } from '../../actor.ts';
import { EVIDENCE_FORMATS, evidenceFile } from '../../presenters/inspection-evidence.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { agencyCode, errorBody, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const params = z.object({
  code: agencyCode,
  file: z.enum(EVIDENCE_FORMATS, { error: '文件格式应为 xlsx 或 pdf' }),
});
const querystring = z.object({
  from: z.iso.date({ error: '“起始日期”应为 YYYY-MM-DD（如：2026-09-01）' }).optional(),
  to: z.iso.date({ error: '“截止日期”应为 YYYY-MM-DD（如：2026-11-30）' }).optional(),
});
const response = { 200: z.any().describe('the XLSX or PDF file'), 400: errorBody, ...readErrors };

/** The period asked for (default: the 90 days up to today), or a validation error naming the field. */
function periodOf(query: z.infer<typeof querystring>, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -89);
  const refusal = periodRefusal(from, to);
  if (refusal) throw new AppError('validation', refusal.message, [refusal]);
  return { from, to };
}

export const inspectionEvidenceRoutes: RouteModule = async (app, { db, clock, pdfLimiter }) => {
  const print = (html: string) => pdfLimiter.run(() => renderReportPdf(html));

  app.get(
    '/api/v1/agencies/:code/inspection/evidence.:file',
    {
      config: { policy: 'inspection/view' },
      schema: {
        tags: ['agencies'],
        summary: '网站自查 evidence pack: the stored daily results over ?from=&to= as XLSX or PDF',
        params,
        querystring,
        response,
      },
    },
    async (request, reply) => {
      const agency = agencyOf(request);
      const file = await evidenceFile(db, {
        agencies: [{ id: agency.id, code: agency.code, name: agency.name }],
        subtree: false,
        ...periodOf(request.query, clock.today()),
        format: request.params.file,
        now: clock.now(),
        print,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName, file.asciiFileName))
        .header('x-evidence-digest', file.pack.digest)
        .send(file.body);
    },
  );

  app.get(
    '/api/v1/agencies/:code/supervision/inspection-evidence.:file',
    {
      config: { policy: 'supervisor' },
      schema: {
        tags: ['supervision'],
        summary:
          '网站自查 evidence pack of the agency and every agency below it over ?from=&to= (XLSX or PDF; a supervisor over the agency)',
        params,
        querystring,
        response,
      },
    },
    async (request, reply) => {
      const root = agencyOf(request);
      const agencies = await subtreeAgencies(db, root.id);
      const file = await evidenceFile(db, {
        agencies,
        subtree: true,
        ...periodOf(request.query, clock.today()),
        format: request.params.file,
        now: clock.now(),
        print,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName, file.asciiFileName))
        .header('x-evidence-digest', file.pack.digest)
        .send(file.body);
    },
  );
};
