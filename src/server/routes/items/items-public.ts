/**
 * The public side of proactively disclosed items: an agency's published items (by category and
 * column), one published item with its linked policy document or interpretations, and its
 * attachments. Drafts, items in review and withdrawn items are not found here.
 */
import { z } from 'zod';
import { findItem, listItems } from '../../../db/queries/items.ts';
import { STATUTORY_CATEGORIES } from '../../../domain/items/categories.ts';
import { createFileStore } from '../../../files/file-store.ts';
import { agencyOf } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, decimal, errorBody, rowId } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { sendAttachment } from './items-files.ts';
import { itemSummaryJson, publicItemJson } from './items-json.ts';
import { itemParams, itemSummarySchema, publicItemSchema } from './items-schemas.ts';

const publicSummary = itemSummarySchema.omit({ status: true, statusLabel: true, version: true });
const BASE = '/api/v1/agencies/:code/published-items';

export const itemPublicRoutes: RouteModule = async (app, { db }) => {
  const store = createFileStore();

  app.get(
    BASE,
    {
      schema: {
        tags: ['public'],
        summary: "An agency's published items, newest first, by 第二十条 category and sub-column",
        params: z.object({ code: agencyCode }),
        querystring: z.object({
          category: z.enum(STATUTORY_CATEGORIES, { error: '法定类别应为 a20.1–a20.15 或 other' }).optional(),
          column: z.string().max(32).optional(),
          limit: decimal(z.number({ error: '每页条数应为1到100之间的整数' }).int().min(1).max(100)).default(
            20,
          ),
          offset: decimal(z.number({ error: '起始位置应为0或正整数' }).int().min(0)).default(0),
        }),
        response: {
          200: z.object({ total: z.number().int(), items: z.array(publicSummary) }),
          400: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const page = await listItems(db, agencyId, { ...request.query, publishedOnly: true });
      return {
        total: page.total,
        items: page.rows.map((r) => {
          const { status: _s, statusLabel: _l, version: _v, ...summary } = itemSummaryJson(r);
          return summary;
        }),
      };
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags: ['public'],
        summary: 'A published item with its policy document or interpretations and its attachments',
        params: itemParams,
        response: { 200: publicItemSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { code, id } = request.params;
      const found = await findItem(db, agencyOf(request).id, id, { publishedOnly: true });
      if (!found) throw new AppError('not_found', '未找到该信息，它可能尚未发布或已撤回。');
      return publicItemJson(
        found,
        (attachmentId) => `/api/v1/agencies/${code}/published-items/${id}/attachments/${attachmentId}`,
      );
    },
  );

  app.get(
    `${BASE}/:id/attachments/:attachmentId`,
    {
      schema: {
        tags: ['public'],
        summary: 'Download an attachment of a published item',
        params: itemParams.extend({ attachmentId: rowId('附件编号') }),
        response: { 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const agencyId = agencyOf(request).id;
      return sendAttachment(db, store, reply, { agencyId, itemId: id, attachmentId, publishedOnly: true });
    },
  );
};
