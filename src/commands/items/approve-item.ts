import type { CommandContext } from '../context.ts';
import { checkDay } from './check-day.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface ApproveItemInput extends ItemTarget {
  /** the reviewer's opinion (审查意见), e.g. 经审查，不涉及国家秘密，同意公开 */
  opinion: string;
  /** the day of the review; defaults to today */
  reviewedOn?: string;
}

const DEFAULT_OPINION = '经审查，不涉及国家秘密及其他不宜公开的内容，同意公开。';

/**
 * 保密审查 passed (条例第十七条): a reviewer other than the drafter; reviewer, date and opinion are
 * kept on the item and its event. The item may then be published.
 */
export async function approveItem(ctx: CommandContext, input: ApproveItemInput): Promise<ItemActionResult> {
  return runItemAction(ctx, input, 'approve', ({ row, today }) => {
    const reviewedOn = checkDay('reviewedOn', '审查日期', input.reviewedOn ?? today, {
      today,
      notBefore: { day: row.formed_on, label: '成文日期' },
    });
    const opinion = input.opinion.trim() || DEFAULT_OPINION;
    return {
      eventType: 'approved',
      columns: {
        reviewer: ctx.actor.username,
        reviewed_on: reviewedOn,
        review_result: 'approved',
        review_opinion: opinion,
      },
      data: { reviewedOn, opinion },
    };
  });
}
