import { rethrowConflict } from '../../db/conflict.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { ItemFields } from '../../domain/items/fields.ts';
import { refusalFor } from '../../domain/items/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Trx } from '../context.ts';
import { appendItemEvent, checkColumn, fieldColumns, NOT_REVIEWED_OR_WITHDRAWN } from './item-store.ts';
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
  return inTransaction(ctx.db, (trx) =>
    insertDraft(trx, { ...input, actor: ctx.actor.username, now: ctx.clock.now(), today: ctx.clock.today() }),
  ).catch((error: unknown) => rethrowConflict(error, '新建信息时与其他操作冲突，请重试。'));
}

/**
 * The draft's writes inside the caller's transaction, once the caller's policy allowed it: the
 * fields checked, the column checked, the item and its `items.created` event (with `origin`, what
 * opened it, when another command does: 条例 第十八条's review turning withheld information public).
 */
export async function insertDraft(
  trx: Trx,
  input: CreateDraftInput & { actor: string; now: Date; today: string; origin?: Record<string, unknown> },
): Promise<DraftCreated> {
  const prepared = prepareFields(input.fields, input.today);
  const at = input.now.toISOString();
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
      ...NOT_REVIEWED_OR_WITHDRAWN,
      version: 1,
      created_at: at,
      updated_at: at,
      created_by: input.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const eventId = await appendItemEvent(trx, {
    agencyId: input.agencyId,
    itemId: inserted.id,
    type: 'created',
    actor: input.actor,
    at: input.now,
    stateBefore: null,
    stateAfter: 'draft',
    data: { fields: prepared.fields, ...(input.origin ? { origin: input.origin } : {}) },
  });
  return { itemId: inserted.id, version: 1, status: 'draft' as const, eventId };
}
