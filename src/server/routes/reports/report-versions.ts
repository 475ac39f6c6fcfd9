/**
 * Publishing an annual report and its corrections (docs/reports.md): publish (approver or agency
 * administrator) freezes version 1; a correction freezes version 2, 3, … with its reason; the
 * versions are listed and downloaded from their snapshots (staff).
 */
import type { FastifyRequest } from 'fastify';
import { type CommandContext, clockOf } from '../../../commands/context.ts';
import { correctReport } from '../../../commands/reports/correct-report.ts';
import type { PublishedVersion } from '../../../commands/reports/publish-report.ts';
import { publishReport } from '../../../commands/reports/publish-report.ts';
import { type PrintPdf, storePublishedPdf } from '../../../commands/reports/store-version-pdf.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { findVersion, listVersions } from '../../../db/queries/report-versions.ts';
import { renderReportPdf } from '../../../render/pdf.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { reportJson } from '../../presenters/report-json.ts';
import { frozenReport, sendVersionFile, versionSummaryJson } from '../../presenters/version-json.ts';
import { reportParams } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  correctionBody,
  publishBody,
  publishedVersionSchema,
  staffErrors,
  versionFileParams,
  versionListSchema,
  versionParams,
  versionSchema,
} from './report-schemas.ts';

const TAGS = ['reports'];
const BASE = '/api/v1/agencies/:code/reports/:year';

const published = (v: PublishedVersion, actor: string, actorName: string, recordedAt: string) => ({
  year: v.year,
  version: v.version,
  publishedOn: v.publishedOn,
  reason: v.reason,
  note: v.note,
  actor,
  actorName,
  recordedAt,
  report: reportJson(v.report),
});

export const reportVersionRoutes: RouteModule = async (app, options) => {
  const { db, clock, pdfLimiter } = options;
  /** The answer to a publication: the version, who published it (by name) and when. */
  const publishedBy = async (ctx: CommandContext, version: PublishedVersion) => {
    const names = await loadActorNames(db, [ctx.actor.username]);
    return published(version, ctx.actor.username, names(ctx.actor.username), ctx.clock.now().toISOString());
  };
  /** The context of a publication, its clock stopped at the instant the answer reports. */
  const print: PrintPdf = (html, info) => pdfLimiter.run(() => renderReportPdf(html, info));
  const pdfOf = (
    ctx: Parameters<typeof storePublishedPdf>[0],
    where: { code: string; year: number; version: number },
  ) =>
    options.pdfAtPublish
      ? storePublishedPdf(ctx, where, print)
      : Promise.resolve({ pdf: null, pdfNotice: null });
  const publishing = (request: FastifyRequest, at: Date) => ({
    ...commandContext(request, options),
    clock: clockOf(() => at),
  });
  app.post(
    `${BASE}/publish`,
    {
      config: { policy: 'reports/publish' },
      schema: {
        tags: TAGS,
        summary: 'Publish: freeze version 1 (approver or agency admin); 409 listing errors that block it',
        params: reportParams,
        body: publishBody,
        response: { 201: publishedVersionSchema, ...staffErrors },
      },
    },
    async (request, reply) => {
      const { code, year } = request.params;
      const ctx = publishing(request, clock.now());
      const version = await publishReport(ctx, { code, year, ...request.body });
      const pdf = await pdfOf(ctx, { code, year, version: version.version });
      return reply.code(201).send({ ...(await publishedBy(ctx, version)), ...pdf });
    },
  );

  app.post(
    `${BASE}/corrections`,
    {
      config: { policy: 'reports/publish' },
      schema: {
        tags: TAGS,
        summary:
          'Correct a published report: a new frozen version with its reason (approver or agency admin)',
        params: reportParams,
        body: correctionBody,
        response: { 201: publishedVersionSchema, ...staffErrors },
      },
    },
    async (request, reply) => {
      const { code, year } = request.params;
      const ctx = publishing(request, clock.now());
      const version = await correctReport(ctx, { code, year, ...request.body });
      const pdf = await pdfOf(ctx, { code, year, version: version.version });
      return reply.code(201).send({ ...(await publishedBy(ctx, version)), ...pdf });
    },
  );

  app.get(
    `${BASE}/versions`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: "The year's published versions, oldest first (staff)",
        params: reportParams,
        response: { 200: versionListSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { year } = request.params;
      const agencyId = agencyOf(request).id;
      return { year, versions: (await listVersions(db, agencyId, year)).map(versionSummaryJson) };
    },
  );

  app.get(
    `${BASE}/versions/:version`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'A published version as frozen (staff)',
        params: versionParams,
        response: { 200: versionSchema, ...staffErrors },
      },
    },
    async (request) => {
      const { year, version } = request.params;
      const agencyId = agencyOf(request).id;
      const row = await findVersion(db, agencyId, year, version);
      if (!row) throw new AppError('not_found', `${year} 年度报告没有第 ${version} 版。`);
      return { year, ...versionSummaryJson(row), report: reportJson(frozenReport(row)) };
    },
  );

  app.get(
    `${BASE}/versions/:version.:format`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary:
          'A published version as a file (HTML, DOCX, PDF or JSON), rendered from its snapshot (staff)',
        params: versionFileParams,
      },
    },
    async (request, reply) => {
      const { year, version, format } = request.params;
      const agencyId = agencyOf(request).id;
      const row = await findVersion(db, agencyId, year, version);
      if (!row) throw new AppError('not_found', `${year} 年度报告没有第 ${version} 版。`);
      const deps = { db, pdfLimiter, clock, log: request.log };
      return sendVersionFile(reply, row, format, deps, 'numbered');
    },
  );
};
