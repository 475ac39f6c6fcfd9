import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import { checkUpload } from '../../files/check-upload.ts';
import type { FileStore } from '../../files/file-store.ts';
import type { CommandContext } from '../context.ts';
import { isUsed } from '../items/upload-attachment.ts';
import { runSubjectNote } from '../subject-step.ts';
import { CASE_STORE, lastEventDate } from './case-store.ts';

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
  const { type, fileName } = await checkUpload(input);
  const stored = await store.put(input.bytes);
  try {
    return await runSubjectNote(ctx, CASE_STORE, {
      agencyId: input.agencyId,
      id: input.requestId,
      expectedVersion: input.expectedVersion,
      async note(trx, row) {
        const inserted = await trx
          .insertInto('attachments')
          .values({
            agency_id: row.agencyId,
            owner_type: 'request',
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
        const last = await lastEventDate(trx, row.id);
        const data = { mediaType: type.mediaType, size: stored.size, sha256: stored.sha256 };
        return {
          event: {
            eventType: 'attachment_added',
            occurredOn: [ctx.clock.today(), last].sort()[1],
            data: { attachmentId: inserted.id, fileName, ...data },
          },
          result: {
            attachmentId: inserted.id,
            version: row.version + 1,
            fileName,
            mediaType: type.mediaType,
            size: stored.size,
          },
        };
      },
    });
  } catch (error) {
    if (stored.created && !(await isUsed(ctx.db, stored.key))) await store.remove(stored.key);
    throw error;
  }
}
