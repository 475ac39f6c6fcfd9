import { changedFields, type ItemFields } from '../../domain/items/fields.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Trx } from '../context.ts';
import { checkColumn, fieldColumns, fieldsOf, syncPublications } from './item-store.ts';
import { prepareFields } from './prepare-fields.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface EditItemInput extends ItemTarget {
  /** the fields to change; the others keep their value */
  changes: Partial<ItemFields>;
}

/**
 * Changes an item's fields (an operator), recording each changed field before → after. A draft is
 * simply changed; an approved item goes back to draft (the review covered the old content); a
 * published item is corrected in place, its publication rows and the search index follow.
 */
export async function editItem(ctx: CommandContext, input: EditItemInput): Promise<ItemActionResult> {
  return runItemAction(ctx, input, 'edit', async ({ trx, row, to }) => {
    const before = fieldsOf(row);
    const prepared = prepareFields({ ...before, ...input.changes }, ctx.clock.today());
    const after = prepared.fields;
    const changes = changedFields(before, after);
    if (Object.keys(changes).length === 0) throw new AppError('validation', '没有需要保存的修改。');
    await checkColumn(trx, row.agency_id, after.columnCode, after.category);
    if (before.isPolicyDocument && !after.isPolicyDocument) await refuseIfInterpreted(trx, row.id);
    const reviewVoided = row.status === 'approved' && to === 'draft';
    return {
      eventType: 'edited',
      columns: {
        ...fieldColumns(after, prepared.bodyText),
        ...(after.isInterpretation ? {} : { interprets_item_id: null }),
        ...(reviewVoided
          ? { reviewer: null, reviewed_on: null, review_result: null, review_opinion: null }
          : {}),
      },
      data: { changes, ...(reviewVoided ? { reviewVoided: true } : {}) },
      afterWrite: (trx2, stored) => syncPublications(trx2, stored),
    };
  });
}

async function refuseIfInterpreted(trx: Trx, itemId: number): Promise<void> {
  const linked = await trx
    .selectFrom('items')
    .select('id')
    .where('interprets_item_id', '=', itemId)
    .executeTakeFirst();
  if (linked) {
    throw new AppError('validation', '该政策文件已关联解读材料，请先解除关联，再取消“政策文件”标记。');
  }
}
