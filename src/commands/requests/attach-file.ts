import { inTransaction } from '../../db/transaction.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import { checkUpload } from '../../files/check-upload.ts';
import type { FileStore } from '../../files/file-store.ts';
import type { CommandContext } from '../context.ts';
import { isUsed } from '../items/upload-attachment.ts';
import { appendCaseEvent, conflictOr, lastEventDate, loadCase, lockCase } from './case-store.ts';

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
  const now = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const row = await loadCase(trx, input.agencyId, input.requestId);
      if (row.version !== input.expectedVersion) {
        throw new AppError('conflict', `该申请已被修改（当前版本 ${row.version}），请刷新后重试。`);
      }
      await lockCase(trx, row);
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
          created_at: now.toISOString(),
          created_by: ctx.actor.username,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const last = await lastEventDate(trx, row.id);
      const on = [ctx.clock.today(), last].sort()[1];
      await appendCaseEvent(trx, {
        agencyId: row.agencyId,
        requestId: row.id,
        type: 'attachment_added',
        occurredOn: on,
        actor: ctx.actor.username,
        at: now,
        stateBefore: row.state,
        stateAfter: row.state,
        data: {
          attachmentId: inserted.id,
          fileName,
          mediaType: type.mediaType,
          size: stored.size,
          sha256: stored.sha256,
        },
      });
      return {
        attachmentId: inserted.id,
        version: row.version + 1,
        fileName,
        mediaType: type.mediaType,
        size: stored.size,
      };
    });
  } catch (error) {
    if (stored.created && !(await isUsed(ctx.db, stored.key))) await store.remove(stored.key);
    if (error instanceof AppError) throw error;
    return conflictOr(error);
  }
}
