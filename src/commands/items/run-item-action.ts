/**
 * One step of an item, through the shared pipeline (commands/subject-step.ts): load it, check the
 * version, the actor's role and the state machine, let the action compute its columns and record,
 * store the new state and version, append the event (who, when, what, state before → after), then
 * keep the publication rows and the search index in step. Nothing is written when any check fails;
 * of two people acting at once, one wins and the other gets a conflict.
 */
import type { Updateable } from 'kysely';
import type { ItemTable } from '../../db/schema.ts';
import { type ItemAction, type ItemState, refusalFor, transition } from '../../domain/items/state-machine.ts';
import { AppError } from '../../errors.ts';
import { searchIndexFor } from '../../search/search-index.ts';
import type { CommandContext, Trx } from '../context.ts';
import { runSubjectStep, type SubjectStore } from '../subject-step.ts';
import { type ItemRow, indexableOf, loadItem } from './item-store.ts';
import { publishedItemsChanged } from './published-changes.ts';

/** Which item and the version the user saw. */
export interface ItemTarget {
  agencyId: number;
  itemId: number;
  /** the version the user saw; another change since then is a conflict */
  expectedVersion: number;
}

export interface ItemActionResult {
  itemId: number;
  version: number;
  status: ItemState;
  eventId: number;
}

export interface StepContext {
  trx: Trx;
  row: ItemRow;
  to: ItemState;
  today: string;
}

export interface ItemStep {
  eventType: string;
  columns?: Updateable<ItemTable>;
  /** what the event records (the input, before → after) */
  data?: Record<string, unknown>;
  /** more writes in the same transaction, given the row as stored and the step's event */
  afterWrite?: (trx: Trx, row: ItemRow, eventId: number) => Promise<void>;
}

/** How items are stored: the update checks the version again (the row's only lock). */
export const ITEM_STORE: SubjectStore<ItemRow, ItemState, ItemRow, Updateable<ItemTable>> = {
  noun: '信息',
  subjectType: 'item',
  eventPrefix: 'items.',
  load: loadItem,
  idOf: (row) => row.id,
  agencyOf: (row) => row.agency_id,
  versionOf: (row) => row.version,
  stateOf: (row) => row.status as ItemState,
  async update(trx, row, to, columns, at) {
    const stored = await trx
      .updateTable('items')
      .set({ ...columns, status: to, version: row.version + 1, updated_at: at.toISOString() })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!stored) throw new AppError('conflict', '该信息刚被其他人修改，请刷新后重试。');
    return stored;
  },
};

/** Runs one action on an item; `step` holds the action's own rules and writes. */
export async function runItemAction(
  ctx: CommandContext,
  target: ItemTarget,
  action: ItemAction,
  step: (step: StepContext) => ItemStep | Promise<ItemStep>,
): Promise<ItemActionResult> {
  const today = ctx.clock.today();
  const index = searchIndexFor(ctx.db.dialect);
  const { row, stored, to, eventId } = await runSubjectStep(ctx, ITEM_STORE, {
    agencyId: target.agencyId,
    id: target.itemId,
    expectedVersion: target.expectedVersion,
    refusal: (row) => refusalFor(action, ctx.actor, row.created_by),
    transition: (from) => transition(from, action),
    async step(trx, row, to) {
      const done = await step({ trx, row, to, today });
      return {
        eventType: done.eventType,
        columns: done.columns,
        data: { action, ...(done.data ?? {}) },
        afterWrite: async (trx2, eventId, stored) => {
          await done.afterWrite?.(trx2, stored, eventId);
          if (to === 'published' && (action === 'publish' || action === 'edit')) {
            await index.upsert(trx2, [indexableOf(stored)]);
          }
          if (row.status === 'published' && to !== 'published') await index.remove(trx2, [row.id]);
        },
      };
    },
  });
  publishedItemsChanged(ctx.db);
  return { itemId: row.id, version: stored.version, status: to, eventId };
}
