/**
 * 年报体检 batches of an agency (issue 14, docs/report-check.md): upload several report files (JSON,
 * base64, like every upload of the API) → one batch, read and checked; the batches; one batch with
 * each report's findings; its exports (reports.csv, findings.csv: the CLI batch's columns).
 */

import { z } from 'zod';
import { createReportCheckBatch } from '../../../commands/report-checks/create-report-check-batch.ts';
import {
  REPORT_CHECK_MAX_TOTAL_BYTES,
  reportCheckBatch,
  reportCheckBatchList,
  reportCheckBatchParams,
  reportCheckBody,
} from '../../../contract/report-checks.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { findReportCheckBatch, listReportCheckBatches } from '../../../db/queries/report-checks.ts';
import { batchFiles } from '../../../report-check/batch.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { reportCheckBatchJson } from '../../presenters/report-checks.ts';
import { agencyCode, errorBody, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE = '/api/v1/agencies/:code/report-checks';
const notFound = () => new AppError('not_found', '未找到该年报体检批次，请从批次列表中选择。');

export const reportCheckRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    BASE,
    {
      config: { policy: 'report_checks/create' },
      bodyLimit: Math.ceil((REPORT_CHECK_MAX_TOTAL_BYTES * 4) / 3) + 1024 * 1024,
      schema: {
        tags: ['reports'],
        summary: '年报体检: check several report files as one batch (any staff role of the agency)',
        params: z.object({ code: agencyCode }),
        body: reportCheckBody,
        response: { 201: reportCheckBatch, ...writeErrors, 413: errorBody },
      },
    },
    async (request, reply) => {
      const agency = agencyOf(request);
      for (const file of request.body.files)
        if (!BASE64.test(file.contentBase64))
          throw new AppError('validation', `文件“${file.fileName}”的内容应为 base64 编码。`);
      const ctx = commandContext(request, { db, calendars, clock });
      const { batchId } = await createReportCheckBatch(ctx, {
        agencyId: agency.id,
        name: request.body.name,
        files: request.body.files.map((f) => ({
          fileName: f.fileName,
          bytes: Buffer.from(f.contentBase64, 'base64'),
        })),
      });
      const found = batchId === null ? null : await findReportCheckBatch(db.kysely, agency.id, batchId);
      if (!found) throw notFound();
      const names = await loadActorNames(db, [found.batch.createdBy]);
      return reply.code(201).send(reportCheckBatchJson(found, names));
    },
  );

  app.get(
    BASE,
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['reports'],
        summary: "年报体检: the agency's batches, newest first",
        params: z.object({ code: agencyCode }),
        response: { 200: reportCheckBatchList, ...readErrors },
      },
    },
    async (request) => {
      const batches = await listReportCheckBatches(db.kysely, agencyOf(request).id);
      const names = await loadActorNames(
        db,
        batches.map((b) => b.createdBy),
      );
      return {
        batches: batches.map(({ createdBy, ...b }) => ({ ...b, createdByName: names(createdBy) })),
      };
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['reports'],
        summary: '年报体检: one batch, each report with its findings',
        params: reportCheckBatchParams,
        response: { 200: reportCheckBatch, ...readErrors, 400: errorBody },
      },
    },
    async (request) => {
      const found = await findReportCheckBatch(db.kysely, agencyOf(request).id, request.params.id);
      if (!found) throw notFound();
      return reportCheckBatchJson(found, await loadActorNames(db, [found.batch.createdBy]));
    },
  );

  app.get(
    `${BASE}/:id/:file`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['reports'],
        summary: '年报体检: a batch exported, reports.csv or findings.csv (the CLI batch columns)',
        params: reportCheckBatchParams.extend({ file: z.enum(['reports.csv', 'findings.csv']) }),
      },
    },
    async (request, reply) => {
      const found = await findReportCheckBatch(db.kysely, agencyOf(request).id, request.params.id);
      if (!found) throw notFound();
      const files = batchFiles(found.checks.map((c) => c.result));
      const body = request.params.file === 'reports.csv' ? files.reportsCsv : files.findingsCsv;
      const name = `report-check-${request.params.id}-${request.params.file}`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
