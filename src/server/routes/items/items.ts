/**
 * Staff routes of proactively disclosed items (主动公开): draft one, list the agency's items, one
 * item with its timeline, edit. The acting user comes from `X-Gongkai-User` and must hold a role in
 * the agency; the commands check which role each step needs.
 */
import { z } from 'zod';
import { createDraft } from '../../../commands/items/create-draft.ts';
import { editItem } from '../../../commands/items/edit-item.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { listApprovalRequests } from '../../../db/queries/approval-requests.ts';
import { findItem, listItems } from '../../../db/queries/items.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { itemDetailJson, itemSummaryJson, itemUsernames } from './items-json.ts';
import {
  actionResultSchema,
  createItemBody,
  editItemBody,
  itemDetailSchema,
  itemListQuery,
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
          "The agency's items by status, category, column, year of the formed date, kind, channel, words of the title, 索引号 or 文号; sorted; paged (staff)",
        params: z.object({ code: agencyCode }),
        querystring: itemListQuery,
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
      const names = await loadActorNames(db, itemUsernames(found));
      const approvals = await listApprovalRequests(db.kysely, agencyId, { itemId: found.row.id });
      return {
        ...itemDetailJson(found, await calendars.get(), clock.today(), staffAttachmentUrl(code, id), names),
        approvals,
      };
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
