import type { CommandContext } from '../context.ts';
import { requiredText } from './check-day.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface RejectItemInput extends ItemTarget {
  /** why it may not be published as it is (what to change) */
  reason: string;
}

/** 保密审查 not passed: a reviewer other than the drafter sends it back to draft with the reason. */
export async function rejectItem(ctx: CommandContext, input: RejectItemInput): Promise<ItemActionResult> {
  const reason = requiredText('reason', input.reason, '请填写退回理由，说明需要修改的内容。');
  return runItemAction(ctx, input, 'reject', ({ today }) => ({
    eventType: 'rejected',
    columns: {
      reviewer: ctx.actor.username,
      reviewed_on: today,
      review_result: 'rejected',
      review_opinion: reason,
    },
    data: { reason },
  }));
}
