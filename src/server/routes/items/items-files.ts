/**
 * Attachments of an item (staff): upload as JSON `{fileName, contentBase64, expectedVersion}` —
 * this route alone accepts a body big enough for the size limit (GONGKAI_MAX_ATTACHMENT_BYTES,
 * default 20 MiB, base64 adds a third) — remove, and download. The type is read from the content.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { removeAttachment } from '../../../commands/items/remove-attachment.ts';
import { uploadAttachment } from '../../../commands/items/upload-attachment.ts';
import { itemAttachmentBody } from '../../../contract/item-inputs.ts';
import type { Db } from '../../../db/connection.ts';
import { findAttachment } from '../../../db/queries/items.ts';
import { type FileStore, maxAttachmentBytes } from '../../../files/file-store.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { decimal, errorBody, readErrors, rowId, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { actionResultSchema, itemParams, uploadedSchema } from './items-schemas.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const attachmentParams = itemParams.extend({
  attachmentId: rowId('附件编号'),
});

/** Sends a stored attachment as a download; 404 when the row or the file is missing. */
export async function sendAttachment(
  db: Db,
  store: FileStore,
  reply: FastifyReply,
  where: { agencyId: number; itemId: number; attachmentId: number; publishedOnly: boolean },
) {
  const found = await findAttachment(db, where);
  if (!found || !(await store.exists(found.storage_key))) throw new AppError('not_found', '未找到该附件。');
  return reply
    .type(found.media_type)
    .header('content-length', String(found.size))
    .header('content-disposition', contentDisposition(found.file_name, `attachment-${where.attachmentId}`))
    .send(await store.open(found.storage_key));
}

export const itemFileRoutes: RouteModule = async (app, { db, files: store, calendars, clock }) => {
  const maxBytes = maxAttachmentBytes();

  app.post(
    '/api/v1/agencies/:code/items/:id/attachments',
    {
      config: { policy: 'items/attach' },
      bodyLimit: Math.ceil((maxBytes * 4) / 3) + 1024 * 1024,
      schema: {
        tags: ['items'],
        summary: 'Attach a PDF, DOCX, XLSX or image (operator); type checked by content, size limited',
        params: itemParams,
        body: itemAttachmentBody,
        response: { 201: uploadedSchema, 413: errorBody, 415: errorBody, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      const { contentBase64, fileName } = request.body;
      if (!BASE64.test(contentBase64)) throw new AppError('validation', '文件内容应为 base64 编码。');
      const uploaded = await uploadAttachment(ctx, store, {
        agencyId,
        itemId: request.params.id,
        expectedVersion: request.body.expectedVersion,
        fileName,
        bytes: Buffer.from(contentBase64, 'base64'),
        maxBytes,
      });
      return reply.code(201).send(uploaded);
    },
  );

  app.delete(
    '/api/v1/agencies/:code/items/:id/attachments/:attachmentId',
    {
      config: { policy: 'items/detach' },
      schema: {
        tags: ['items'],
        summary: 'Remove an attachment (operator)',
        params: attachmentParams,
        querystring: z.object({
          expectedVersion: decimal(z.number({ error: '版本号应为正整数' }).int().min(1)),
        }),
        response: { 200: actionResultSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      return removeAttachment(ctx, store, {
        agencyId,
        itemId: request.params.id,
        attachmentId: request.params.attachmentId,
        expectedVersion: request.query.expectedVersion,
      });
    },
  );

  app.get(
    '/api/v1/agencies/:code/items/:id/attachments/:attachmentId',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary: 'Download an attachment of any item (staff)',
        params: attachmentParams,
        response: { ...readErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const { id, attachmentId } = request.params;
      return sendAttachment(db, store, reply, { agencyId, itemId: id, attachmentId, publishedOnly: false });
    },
  );
};
