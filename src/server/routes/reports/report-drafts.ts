/**
 * Editing an annual report (staff; docs/reports.md): the draft (cells read-only, each narrative
 * section's stored text beside the generated draft, the violations), saving it with optimistic
 * concurrency, validating text without saving (the live panel), and the records behind a cell.
 */

import { z } from 'zod';
import { draftView } from '../../../commands/reports/draft-view.ts';
import { requireReportInputs, saveDraft, validateDraft } from '../../../commands/reports/edit-draft.ts';
import { cellRecords } from '../../../db/queries/cell-records.ts';
import { buildReport } from '../../../domain/report/build.ts';
import { cellSource, publicationCount } from '../../../domain/report/cell-source.ts';
import { FIGURE_FIELDS } from '../../../domain/report/figures.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { paging } from '../registry/registry-schemas.ts';
import { reportParams } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  cellParams,
  cellRecordsSchema,
  draftSchema,
  saveDraftBody,
  staffErrors,
  validateDraftBody,
  validationSchema,
} from './report-schemas.ts';

const TAGS = ['reports'];
const BASE = '/api/v1/agencies/:code/reports/:year';

export const reportDraftRoutes: RouteModule = async (app, options) => {
  const { db, clock } = options;
  app.get(
    `${BASE}/draft`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'The draft: cells (read-only), stored and generated text per section, violations (staff)',
        params: reportParams,
        response: { 200: draftSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      return draftView(await requireReportInputs(db, code, year), clock.today());
    },
  );

  app.put(
    `${BASE}/draft`,
    {
      config: { policy: 'reports/edit' },
      schema: {
        tags: TAGS,
        summary: 'Save the narrative sections (operator); 409 when the draft changed meanwhile',
        params: reportParams,
        body: saveDraftBody,
        response: { 200: draftSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      return saveDraft(commandContext(request, options), { code, year, ...request.body });
    },
  );

  app.post(
    `${BASE}/validate`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'The violations of the report as it would be with this text; nothing is saved (staff)',
        params: reportParams,
        body: validateDraftBody,
        response: { 200: validationSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { code, year } = request.params;
      return validateDraft(commandContext(request, options), { code, year, sections: request.body.sections });
    },
  );

  app.get(
    `${BASE}/cells/:cell/records`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'The records behind a cell, with a link to each (staff)',
        description:
          'Cells of table 二 (一), 三 and 四, and publications.total / publications.channel.<code> / ' +
          'publications.<meetings|policy_documents|interpretations|online_interviews>. The yearly figures ' +
          '(t2.license/penalty/enforcement.decisions, t2.fees.amount_wan, and the 2019 format’s ' +
          't2.*.items_prev/items_change, t2.other_services.decisions, t2.procurement.*) have no records: ' +
          'source "figures".',
        params: cellParams,
        querystring: z.object(paging),
        response: { 200: cellRecordsSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { code, year, cell } = request.params;
      const agencyId = agencyOf(request).id;
      const source = cellSource(cell);
      if (!source) throw new AppError('not_found', '报告中没有这一单元格，请在报告表格中点击要查看的数字。');
      const inputs = await requireReportInputs(db, code, year);
      const report = buildReport(inputs.facts, inputs.stored);
      const value =
        source.kind === 'publications'
          ? publicationCount(inputs.facts.current.publications, source)
          : (report.cells[cell] ?? null);
      const { offset, limit } = request.query;
      if (source.kind === 'figures') {
        const label = FIGURE_FIELDS.find((f) => f.key === source.field)?.label ?? cell;
        const note = `该单元格来自工作人员填报或导入的年度数据（${label}），不对应具体记录；请在“年度数据”中查看和修改。`;
        return { cell, source: 'figures' as const, value, note, total: 0, offset, limit, records: [] };
      }
      const page = await cellRecords(db, { id: agencyId, code }, year, source, { offset, limit });
      return { cell, source: 'records' as const, value, offset, limit, ...page };
    },
  );
};
