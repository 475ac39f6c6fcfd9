/**
 * Attachments of a request (staff): upload as JSON `{expectedVersion, fileName, contentBase64}`
 * (this route alone takes a body as large as the size limit allows) and download. The type is
 * read from the content, never from the name.
 */
import { attachFileToRequest } from '../../../commands/requests/attach-file.ts';
import { requestAttachedSchema, requestAttachmentBody } from '../../../contract/request-inputs.ts';
import { maxAttachmentBytes } from '../../../files/file-store.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { caseParams, errorBody, rowId, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const requestFileRoutes: RouteModule = async (app, { db, files: store, calendars, clock }) => {
  const maxBytes = maxAttachmentBytes();

  app.post(
    '/api/v1/agencies/:code/requests/:id/attachments',
    {
      config: { policy: 'requests/attach' },
      bodyLimit: Math.ceil((maxBytes * 4) / 3) + 1024 * 1024,
      schema: {
        tags: ['requests'],
        summary:
          'Attach a file to a request (PDF, DOCX, XLSX or image; type checked by content; size limited)',
        params: caseParams,
        body: requestAttachmentBody,
        response: {
          201: requestAttachedSchema,
          ...writeErrors,
          413: errorBody,
          415: errorBody,
        },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      if (!BASE64.test(request.body.contentBase64))
        throw new AppError('validation', '文件内容应为 base64 编码。');
      const attached = await attachFileToRequest(ctx, store, {
        agencyId,
        requestId: request.params.id,
        expectedVersion: request.body.expectedVersion,
        fileName: request.body.fileName,
        bytes: Buffer.from(request.body.contentBase64, 'base64'),
        maxBytes,
      });
      return reply.code(201).send(attached);
    },
  );

  app.get(
    '/api/v1/agencies/:code/requests/:id/attachments/:attachmentId',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['requests'],
        summary: 'Download an attachment of a request (staff)',
        params: caseParams.extend({ attachmentId: rowId('附件编号') }),
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const found = await db.kysely
        .selectFrom('attachments')
        .select(['file_name', 'media_type', 'size', 'storage_key'])
        .where('id', '=', request.params.attachmentId)
        .where('owner_type', '=', 'request')
        .where('owner_id', '=', request.params.id)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      if (!found || !(await store.exists(found.storage_key)))
        throw new AppError('not_found', '未找到该附件。');
      return reply
        .type(found.media_type)
        .header(
          'content-disposition',
          contentDisposition(found.file_name, `attachment-${request.params.attachmentId}`),
        )
        .header('cache-control', 'private, no-store')
        .send(await store.open(found.storage_key));
    },
  );
};
