import { AppError } from '../../errors.ts';
import type { FileStore } from '../../files/file-store.ts';
import { isUsed } from '../attachments.ts';
import type { CommandContext } from '../context.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface RemoveAttachmentInput extends ItemTarget {
  attachmentId: number;
}

/**
 * Removes an attachment from an item (an operator): the row and an event in one transaction; the
 * file afterwards, unless another attachment has the same content.
 */
export async function removeAttachment(
  ctx: CommandContext,
  store: FileStore,
  input: RemoveAttachmentInput,
): Promise<ItemActionResult> {
  let key = '';
  const result = await runItemAction(ctx, input, 'detach', async ({ trx, row }) => {
    const attachment = await trx
      .selectFrom('attachments')
      .select(['id', 'file_name', 'sha256', 'storage_key'])
      .where('id', '=', input.attachmentId)
      .where('owner_type', '=', 'item')
      .where('owner_id', '=', row.id)
      .executeTakeFirst();
    if (!attachment) throw new AppError('not_found', `该信息没有编号为 ${input.attachmentId} 的附件。`);
    key = attachment.storage_key;
    await trx.deleteFrom('attachments').where('id', '=', attachment.id).execute();
    return {
      eventType: 'attachment_removed',
      data: { attachmentId: attachment.id, fileName: attachment.file_name, sha256: attachment.sha256 },
    };
  });
  if (!(await isUsed(ctx.db, key))) await store.remove(key);
  return result;
}
