/**
 * The normative-document registry (docs/registry.md): anyone may read the documents in force on a
 * day (the portal's list); the agency's staff read every version and its history, and record
 * 制发, 修改, 废止 and the yearly 清理.
 */
import { z } from 'zod';
import { amendDocument } from '../../../commands/registry/amend-document.ts';
import { amendBody, issueBody, repealBody, reviewBody } from '../../../commands/registry/inputs.ts';
import { issueDocument } from '../../../commands/registry/issue-document.ts';
import { readReviewPass } from '../../../commands/registry/read-review-pass.ts';
import { repealDocument } from '../../../commands/registry/repeal-document.ts';
import { reviewPass } from '../../../commands/registry/review-pass.ts';
import { documentHistory, documentsInForce, listDocuments } from '../../../db/queries/registry.ts';
import { isIsoDate } from '../../../domain/dates.ts';
import { DOCUMENT_STATUSES } from '../../../domain/registry/lifecycle.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  documentPageSchema,
  documentParams,
  errors,
  historySchema,
  inForceSchema,
  kind,
  paging,
  recordedSchema,
  registryDocumentSchema,
  reviewPassSchema,
  yearParams,
} from './registry-schemas.ts';

const TAGS = ['registry'];
const BASE = '/api/v1/agencies/:code/registry';

export const registryRoutes: RouteModule = async (app, options) => {
  const { db, clock } = options;
  app.get(
    '/api/v1/agencies/:code/normative-documents',
    {
      schema: {
        tags: TAGS,
        summary: 'The 规章 and 行政规范性文件 in force on a day (public; default today)',
        params: z.object({ code: agencyCode }),
        querystring: z.object({
          on: z.string().refine(isIsoDate, { error: 'on 应为 YYYY-MM-DD 格式的日期' }).optional(),
          kind,
          ...paging,
        }),
        response: { 200: inForceSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const { on = clock.today(), kind, limit, offset } = request.query;
      return { on, ...(await documentsInForce(db, agencyId, on, { kind, limit, offset })) };
    },
  );

  app.get(
    `${BASE}/documents`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'Every version of every document, optionally of one status or kind (staff)',
        params: z.object({ code: agencyCode }),
        querystring: z.object({
          status: z
            .enum(DOCUMENT_STATUSES, { error: 'status 应为 in_force、amended 或 repealed' })
            .optional(),
          kind,
          ...paging,
        }),
        response: { 200: documentPageSchema, ...errors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      return listDocuments(db, agencyId, request.query);
    },
  );

  app.post(
    `${BASE}/documents`,
    {
      config: { policy: 'registry/edit' },
      schema: {
        tags: TAGS,
        summary: '制发: register a newly issued document (staff)',
        params: z.object({ code: agencyCode }),
        body: issueBody,
        response: { 201: registryDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const document = request.body;
      return reply
        .code(201)
        .send(await issueDocument(commandContext(request, options), { agencyId, document }));
    },
  );

  app.get(
    `${BASE}/documents/:id`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: 'A document: every version, oldest first, and the events of each (staff)',
        params: documentParams,
        response: { 200: historySchema, ...errors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const history = await documentHistory(db, agencyId, request.params.id);
      if (!history) throw new AppError('not_found', `未找到编号为 ${request.params.id} 的规范性文件。`);
      return history;
    },
  );

  app.post(
    `${BASE}/documents/:id/amend`,
    {
      config: { policy: 'registry/edit' },
      schema: {
        tags: TAGS,
        summary: '修改: a new version of a document in force; the old one stops that day (staff)',
        params: documentParams,
        body: amendBody,
        response: { 201: registryDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const agencyId = agencyOf(request).id;
      const input = { agencyId, documentId: id, amendment: request.body };
      return reply.code(201).send(await amendDocument(commandContext(request, options), input));
    },
  );

  app.post(
    `${BASE}/documents/:id/repeal`,
    {
      config: { policy: 'registry/edit' },
      schema: {
        tags: TAGS,
        summary: '废止: a document in force is repealed by another document (staff)',
        params: documentParams,
        body: repealBody,
        response: { 200: registryDocumentSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const agencyId = agencyOf(request).id;
      return repealDocument(commandContext(request, options), {
        agencyId,
        documentId: id,
        repeal: request.body,
      });
    },
  );

  app.get(
    `${BASE}/reviews/:year`,
    {
      config: { policy: 'staff' },
      schema: {
        tags: TAGS,
        summary: "清理: a year's decisions and the documents awaiting one (staff)",
        params: yearParams,
        response: { 200: reviewPassSchema, ...errors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      return readReviewPass(db, agencyId, request.params.year);
    },
  );

  app.post(
    `${BASE}/reviews/:year`,
    {
      config: { policy: 'registry/edit' },
      schema: {
        tags: TAGS,
        summary:
          "清理: record decisions of a year's review pass, carrying out amendments and repeals (staff)",
        params: yearParams,
        body: reviewBody,
        response: { 201: recordedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const agencyId = agencyOf(request).id;
      const recorded = await reviewPass(commandContext(request, options), {
        agencyId,
        year,
        review: request.body,
      });
      return reply.code(201).send({ year, recorded });
    },
  );
};
