import { rethrowConflict } from '../../db/conflict.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { ItemFields } from '../../domain/items/fields.ts';
import { refusalFor } from '../../domain/items/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { appendItemEvent, checkColumn, fieldColumns } from './item-store.ts';
import { prepareFields } from './prepare-fields.ts';

export interface CreateDraftInput {
  agencyId: number;
  fields: ItemFields;
}

export interface DraftCreated {
  itemId: number;
  version: number;
  status: 'draft';
  eventId: number;
}

/**
 * Drafts an item (an operator): the fields checked, the body sanitized (only the tags of an
 * official document kept), the column checked against the agency's catalogue; the item and its
 * first event in one transaction. It has no 索引号 until it is published.
 */
export async function createDraft(ctx: CommandContext, input: CreateDraftInput): Promise<DraftCreated> {
  const refusal = refusalFor('create', ctx.actor, '');
  if (refusal) throw new AppError('forbidden', refusal);
  const now = ctx.clock.now();
  const prepared = prepareFields(input.fields, ctx.clock.today());
  const at = now.toISOString();
  return inTransaction(ctx.db, async (trx) => {
    await checkColumn(trx, input.agencyId, prepared.fields.columnCode, prepared.fields.category);
    const inserted = await trx
      .insertInto('items')
      .values({
        agency_id: input.agencyId,
        index_no: null,
        ...fieldColumns(prepared.fields, prepared.bodyText),
        published_on: null,
        status: 'draft',
        interprets_item_id: null,
        reviewer: null,
        reviewed_on: null,
        review_result: null,
        review_opinion: null,
        withdrawn_on: null,
        withdrawn_reason: null,
        version: 1,
        created_at: at,
        updated_at: at,
        created_by: ctx.actor.username,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const eventId = await appendItemEvent(trx, {
      agencyId: input.agencyId,
      itemId: inserted.id,
      type: 'created',
      actor: ctx.actor.username,
      at: now,
      stateBefore: null,
      stateAfter: 'draft',
      data: { fields: prepared.fields },
    });
    return { itemId: inserted.id, version: 1, status: 'draft' as const, eventId };
  }).catch((error: unknown) => rethrowConflict(error, '新建信息时与其他操作冲突，请重试。'));
}
