import type { CommandContext } from '../context.ts';
import { checkDay, requiredText } from './check-day.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface WithdrawItemInput extends ItemTarget {
  reason: string;
  /** defaults to today */
  withdrawnOn?: string;
}

/**
 * Takes a published item off the portal (an operator), with the reason; it leaves the search
 * index. Its publication rows stay: it was published, and its year's report still counts it.
 */
export async function withdrawItem(ctx: CommandContext, input: WithdrawItemInput): Promise<ItemActionResult> {
  const reason = requiredText('reason', input.reason, '请填写撤回理由。');
  return runItemAction(ctx, input, 'withdraw', ({ row, today }) => {
    const withdrawnOn = checkDay('withdrawnOn', '撤回日期', input.withdrawnOn ?? today, {
      today,
      notBefore: { day: row.published_on ?? row.formed_on, label: '发布日期' },
    });
    return {
      eventType: 'withdrawn',
      columns: { withdrawn_on: withdrawnOn, withdrawn_reason: reason },
      data: { withdrawnOn, reason },
    };
  });
}
