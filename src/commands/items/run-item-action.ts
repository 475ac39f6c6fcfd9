/**
 * One step of an item, in one transaction: load it, check the version, the actor's role and the
 * state machine, let the action compute its columns and record, store the new state and version,
 * append the event (who, when, what, state before → after), then keep the publication rows and the
 * search index in step. Nothing is written when any check fails; of two people acting at once, one
 * wins and the other gets a conflict.
 */
import type { Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ItemTable } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { todayInChina } from '../../domain/dates.ts';
import { type ItemAction, type ItemState, refusalFor, transition } from '../../domain/items/state-machine.ts';
import { AppError } from '../../errors.ts';
import { searchIndexFor } from '../../search/search-index.ts';
import type { Actor, Trx } from '../context.ts';
import { appendItemEvent, conflictOr, type ItemRow, indexableOf, loadItem } from './item-store.ts';
import { publishedItemsChanged } from './published-changes.ts';

/** Which item, the version the user saw, who acts and when. */
export interface ItemTarget {
  agencyId: number;
  itemId: number;
  /** the version the user saw; another change since then is a conflict */
  expectedVersion: number;
  actor: Actor;
  now: Date;
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
  /** more writes in the same transaction, given the row as stored */
  afterWrite?: (trx: Trx, row: ItemRow) => Promise<void>;
}

/** Runs one action on an item; `step` holds the action's own rules and writes. */
export async function runItemAction(
  db: Db,
  target: ItemTarget,
  action: ItemAction,
  step: (ctx: StepContext) => ItemStep | Promise<ItemStep>,
): Promise<ItemActionResult> {
  const today = todayInChina(target.now);
  const index = searchIndexFor(db.dialect);
  try {
    const result = await inTransaction(db, async (trx) => {
      const row = await loadItem(trx, target.agencyId, target.itemId);
      if (row.version !== target.expectedVersion) {
        throw new AppError(
          'conflict',
          `该信息已被修改（当前版本 ${row.version}，您看到的是版本 ${target.expectedVersion}），请刷新后重试。`,
        );
      }
      const refusal = refusalFor(action, target.actor, row.created_by);
      if (refusal) throw new AppError('forbidden', refusal);
      const from = row.status as ItemState;
      const moved = transition(from, action);
      if (!moved.ok) throw new AppError('invalid_state', moved.message);
      const done = await step({ trx, row, to: moved.to, today });
      const stored = await trx
        .updateTable('items')
        .set({
          ...done.columns,
          status: moved.to,
          version: row.version + 1,
          updated_at: target.now.toISOString(),
        })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .returningAll()
        .executeTakeFirst();
      if (!stored) throw new AppError('conflict', '该信息刚被其他人修改，请刷新后重试。');
      const eventId = await appendItemEvent(trx, {
        agencyId: row.agency_id,
        itemId: row.id,
        type: done.eventType,
        actor: target.actor.username,
        at: target.now,
        stateBefore: from,
        stateAfter: moved.to,
        data: { action, ...(done.data ?? {}) },
      });
      await done.afterWrite?.(trx, stored);
      if (moved.to === 'published' && (action === 'publish' || action === 'edit')) {
        await index.upsert(trx, [indexableOf(stored)]);
      }
      if (from === 'published' && moved.to !== 'published') await index.remove(trx, [row.id]);
      return { itemId: row.id, version: stored.version, status: moved.to, eventId };
    });
    publishedItemsChanged();
    return result;
  } catch (error) {
    return conflictOr(error);
  }
}
