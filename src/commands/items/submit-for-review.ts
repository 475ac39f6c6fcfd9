import type { CommandContext } from '../context.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

/** Sends a draft to 保密审查 (条例第十七条): an operator; the item waits for a reviewer. */
export async function submitForReview(ctx: CommandContext, input: ItemTarget): Promise<ItemActionResult> {
  return runItemAction(ctx, input, 'submit', () => ({ eventType: 'submitted' }));
}
