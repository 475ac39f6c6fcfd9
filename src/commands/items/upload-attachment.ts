import type { FileStore } from '../../files/file-store.ts';
import { insertAttachment, withStoredUpload } from '../attachments.ts';
import type { CommandContext } from '../context.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface UploadAttachmentInput extends ItemTarget {
  /** the name the uploader gave; only its last part is kept */
  fileName: string;
  bytes: Uint8Array;
  /** the size limit in bytes (GONGKAI_MAX_ATTACHMENT_BYTES, default 20 MiB) */
  maxBytes: number;
}

export interface AttachmentUploaded extends ItemActionResult {
  attachmentId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * Attaches a file to an item (an operator). The type is read from the content (magic bytes, and
 * for Office files the archive's content types), never trusted from the name; the size is
 * limited. The bytes are written to the store first, the row in the item's transaction; when the
 * transaction fails, a file this upload wrote and nothing uses is removed again.
 */
export async function uploadAttachment(
  ctx: CommandContext,
  store: FileStore,
  input: UploadAttachmentInput,
): Promise<AttachmentUploaded> {
  return withStoredUpload(ctx, store, input, async (upload) => {
    const { fileName, mediaType, stored } = upload;
    let attachmentId = 0;
    const result = await runItemAction(ctx, input, 'attach', ({ row }) => ({
      eventType: 'attachment_added',
      data: { fileName, mediaType, size: stored.size, sha256: stored.sha256 },
      afterWrite: async (trx) => {
        const owner = { agencyId: row.agency_id, type: 'item' as const, id: row.id };
        attachmentId = await insertAttachment(trx, ctx, owner, upload);
      },
    }));
    return { ...result, attachmentId, fileName, mediaType, size: stored.size, sha256: stored.sha256 };
  });
}
