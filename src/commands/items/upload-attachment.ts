import type { Db } from '../../db/connection.ts';
import { checkUpload } from '../../files/check-upload.ts';
import type { FileStore, StoredFile } from '../../files/file-store.ts';
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
  const { type, fileName } = await checkUpload(input);
  const stored: StoredFile = await store.put(input.bytes);
  let attachmentId = 0;
  try {
    const result = await runItemAction(ctx, input, 'attach', ({ row }) => ({
      eventType: 'attachment_added',
      data: { fileName, mediaType: type.mediaType, size: stored.size, sha256: stored.sha256 },
      afterWrite: async (trx) => {
        const inserted = await trx
          .insertInto('attachments')
          .values({
            agency_id: row.agency_id,
            owner_type: 'item',
            owner_id: row.id,
            file_name: fileName,
            media_type: type.mediaType,
            size: stored.size,
            sha256: stored.sha256,
            storage_key: stored.key,
            created_at: ctx.clock.now().toISOString(),
            created_by: ctx.actor.username,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        attachmentId = inserted.id;
      },
    }));
    return {
      ...result,
      attachmentId,
      fileName,
      mediaType: type.mediaType,
      size: stored.size,
      sha256: stored.sha256,
    };
  } catch (error) {
    if (stored.created && !(await isUsed(ctx.db, stored.key))) await store.remove(stored.key);
    throw error;
  }
}

/** Whether any attachment row uses a stored file (outside a transaction that may roll back). */
export async function isUsed(db: Db, key: string): Promise<boolean> {
  if (db.kysely.isTransaction) return true;
  const row = await db.kysely
    .selectFrom('attachments')
    .select('id')
    .where('storage_key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}
