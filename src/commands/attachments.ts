/**
 * Attachments of requests and items, in one place: an upload is checked (type by content, size),
 * its bytes stored first and its row written in the owner's transaction; when that transaction
 * fails, a file the upload wrote and nothing uses is removed again.
 */
import type { Db } from '../db/connection.ts';
import { checkUpload, type Upload } from '../files/check-upload.ts';
import type { FileStore, StoredFile } from '../files/file-store.ts';
import type { CommandContext, Trx } from './context.ts';

/** An upload checked and stored: the name kept, the type read from the content, the stored file. */
export interface StoredUpload {
  fileName: string;
  mediaType: string;
  stored: StoredFile;
}

/** Checks and stores an upload, then runs `attach` with it; a failed `attach` leaves no stray file. */
export async function withStoredUpload<T>(
  ctx: CommandContext,
  store: FileStore,
  input: Upload,
  attach: (upload: StoredUpload) => Promise<T>,
): Promise<T> {
  const { type, fileName } = await checkUpload(input);
  const stored = await store.put(input.bytes);
  try {
    return await attach({ fileName, mediaType: type.mediaType, stored });
  } catch (error) {
    if (stored.created && !(await isUsed(ctx.db, stored.key))) await store.remove(stored.key);
    throw error;
  }
}

/** Writes the attachment row of a stored upload for its owner; returns the row's id. */
export async function insertAttachment(
  trx: Trx,
  ctx: CommandContext,
  owner: { agencyId: number; type: 'request' | 'item'; id: number },
  upload: StoredUpload,
): Promise<number> {
  const inserted = await trx
    .insertInto('attachments')
    .values({
      agency_id: owner.agencyId,
      owner_type: owner.type,
      owner_id: owner.id,
      file_name: upload.fileName,
      media_type: upload.mediaType,
      size: upload.stored.size,
      sha256: upload.stored.sha256,
      storage_key: upload.stored.key,
      created_at: ctx.clock.now().toISOString(),
      created_by: ctx.actor.username,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Whether any attachment or site image (site_files) uses a stored file (outside a transaction that may roll back). */
export async function isUsed(db: Db, key: string): Promise<boolean> {
  if (db.kysely.isTransaction) return true;
  const attachment = await db.kysely
    .selectFrom('attachments')
    .select('id')
    .where('storage_key', '=', key)
    .executeTakeFirst();
  if (attachment) return true;
  const siteFile = await db.kysely
    .selectFrom('site_files')
    .select('sha256')
    .where('storage_key', '=', key)
    .executeTakeFirst();
  return siteFile !== undefined;
}
