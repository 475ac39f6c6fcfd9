import type { Db } from '../../db/connection.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

/** Sends a draft to 保密审查 (条例第十七条): an operator; the item waits for a reviewer. */
export async function submitForReview(db: Db, input: ItemTarget): Promise<ItemActionResult> {
  return runItemAction(db, input, 'submit', () => ({ eventType: 'submitted' }));
}
