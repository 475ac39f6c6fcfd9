/**
 * Staff routes of proactively disclosed items (主动公开): draft one, list the agency's items, one
 * item with its timeline, edit. The acting user comes from `X-Gongkai-User` and must hold a role in
 * the agency; the commands check which role each step needs.
 */
import { z } from 'zod';
import { createDraft } from '../../../commands/items/create-draft.ts';
import { editItem } from '../../../commands/items/edit-item.ts';
import { findItem, listItems } from '../../../db/queries/items.ts';
import { STATUTORY_CATEGORIES } from '../../../domain/items/categories.ts';
import { ITEM_STATES } from '../../../domain/items/state-machine.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, decimal, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { itemDetailJson, itemSummaryJson } from './items-json.ts';
import {
  actionResultSchema,
  createItemBody,
  editItemBody,
  itemDetailSchema,
  itemPageSchema,
  itemParams,
} from './items-schemas.ts';

/** Where staff download an attachment of an item. */
export const staffAttachmentUrl = (code: string, itemId: number) => (attachmentId: number) =>
  `/api/v1/agencies/${code}/items/${itemId}/attachments/${attachmentId}`;

export const itemRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/items',
    {
      config: { policy: 'items/create' },
      schema: {
        tags: ['items'],
        summary: 'Draft an item (operator); the body is sanitized, the 索引号 is given at publication',
        params: z.object({ code: agencyCode }),
        body: createItemBody,
        response: { 201: actionResultSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      const created = await createDraft(ctx, { agencyId, fields: request.body });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/agencies/:code/items',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary:
          "The agency's items by status, category, column, year of the formed date, words of the title or 文号, policy documents (staff)",
        params: z.object({ code: agencyCode }),
        querystring: z.object({
          status: z.enum(ITEM_STATES, { error: `status 应为 ${ITEM_STATES.join('、')} 之一` }).optional(),
          category: z.enum(STATUTORY_CATEGORIES, { error: '法定类别应为 a20.1–a20.15 或 other' }).optional(),
          column: z.string().max(32).optional(),
          year: decimal(z.number({ error: '年度应为1990到2100之间的四位年份' }).int().min(1990).max(2100))
            .optional()
            .describe('year of 成文日期'),
          q: z
            .string()
            .max(100, { error: '检索词最长 100 个字' })
            .optional()
            .describe('words in the title or 文号'),
          policyDocument: z
            .enum(['true', 'false'], { error: '“政策文件”筛选应为 true 或 false' })
            .transform((v) => v === 'true')
            .optional()
            .describe('only policy documents (政策文件), or only other items'),
          limit: decimal(z.number({ error: '每页条数应为1到200之间的整数' }).int().min(1).max(200)).default(
            50,
          ),
          offset: decimal(z.number({ error: '起始位置应为0或正整数' }).int().min(0)).default(0),
        }),
        response: { 200: itemPageSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const page = await listItems(db, agencyId, request.query);
      return { total: page.total, items: page.rows.map(itemSummaryJson) };
    },
  );

  app.get(
    '/api/v1/agencies/:code/items/:id',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary: 'One item: fields, review, postings, attachments, its policy or interpretations, timeline',
        params: itemParams,
        response: { 200: itemDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { code, id } = request.params;
      const agencyId = agencyOf(request).id;
      const found = await findItem(db, agencyId, id);
      if (!found) throw new AppError('not_found', `未找到编号为 ${id} 的信息。`);
      return itemDetailJson(found, await calendars.get(), clock.today(), staffAttachmentUrl(code, id));
    },
  );

  app.patch(
    '/api/v1/agencies/:code/items/:id',
    {
      config: { policy: 'items/edit' },
      schema: {
        tags: ['items'],
        summary:
          'Edit an item (operator): a draft; an approved one goes back to draft; a published one is corrected',
        params: itemParams,
        body: editItemBody,
        response: { 200: actionResultSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      const { expectedVersion, ...changes } = request.body;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return editItem(ctx, {
        agencyId,
        itemId: request.params.id,
        expectedVersion,
        changes: defined,
      });
    },
  );
};
