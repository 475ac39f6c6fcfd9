import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { FileStore } from '../../files/file-store.ts';
import { insertAttachment, withStoredUpload } from '../attachments.ts';
import type { CommandContext } from '../context.ts';
import { lastEventDate, noteOnCase } from './case-store.ts';

export interface AttachFileInput {
  agencyId: number;
  requestId: number;
  expectedVersion: number;
  fileName: string;
  bytes: Uint8Array;
  maxBytes: number;
}

/**
 * Attaches a file to a request (the applicant's attachments of 第二十九条 received with a letter or
 * in person, or material gathered for the answer): type by content, size limited, stored by hash;
 * the row and an `attachment_added` event in the case's transaction, the stored file removed again
 * when that transaction fails and nothing else uses it.
 */
export async function attachFileToRequest(
  ctx: CommandContext,
  store: FileStore,
  input: AttachFileInput,
): Promise<{ attachmentId: number; version: number; fileName: string; mediaType: string; size: number }> {
  const refusal = requestRefusal(ctx.actor, 'attach');
  if (refusal) throw new AppError('forbidden', refusal);
  return withStoredUpload(ctx, store, input, (upload) =>
    noteOnCase(ctx, input, async (trx, row) => {
      const owner = { agencyId: row.agencyId, type: 'request' as const, id: row.id };
      const attachmentId = await insertAttachment(trx, ctx, owner, upload);
      const { fileName, mediaType, stored } = upload;
      const last = await lastEventDate(trx, row.id);
      return {
        event: {
          eventType: 'attachment_added',
          occurredOn: [ctx.clock.today(), last].sort()[1],
          data: { attachmentId, fileName, mediaType, size: stored.size, sha256: stored.sha256 },
        },
        result: { attachmentId, version: row.version + 1, fileName, mediaType, size: stored.size },
      };
    }),
  );
}
