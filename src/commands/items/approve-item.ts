import { unconfirmedFindingsMessage } from '../../domain/items/screening.ts';
import { AppError } from '../../errors.ts';
import type { AttachmentTextReader } from '../../files/attachment-text.ts';
import type { CommandContext } from '../context.ts';
import { checkDay } from './check-day.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';
import { keepScreening, readItemTexts, screenInStep } from './screening.ts';

export interface ApproveItemInput extends ItemTarget {
  /** the reviewer's opinion (审查意见), e.g. 经审查，不涉及国家秘密，同意公开 */
  opinion: string;
  /** the day of the review; defaults to today */
  reviewedOn?: string;
  /** the reviewer has checked each finding of 发布前自查 and publishes the item as it is */
  screeningConfirmed?: boolean;
  /** why the findings stand (e.g. 为单位对公账户，依法应公开) */
  screeningNote?: string;
  /** reads the attachments' text (the server's file store) */
  attachmentTexts?: AttachmentTextReader;
}

const DEFAULT_OPINION = '经审查，不涉及国家秘密及其他不宜公开的内容，同意公开。';
const MAX_NOTE = 500;

/**
 * 保密审查 passed (条例第十七条): a reviewer other than the drafter; reviewer, date and opinion are
 * kept on the item and its event. The item is screened again (发布前自查, docs/screening.md): while
 * anything is found the approval is refused unless the reviewer confirms the findings; the result,
 * with the confirmation, is kept with the event. The item may then be published.
 */
export async function approveItem(ctx: CommandContext, input: ApproveItemInput): Promise<ItemActionResult> {
  const note = (input.screeningNote ?? '').trim();
  if ([...note].length > MAX_NOTE) {
    const message = `“自查核实说明”最长 ${MAX_NOTE} 个字，请缩短。`;
    throw new AppError('validation', message, [{ field: 'screeningNote', message }]);
  }
  const read = await readItemTexts(ctx.db, input.attachmentTexts, input.agencyId, input.itemId);
  return runItemAction(ctx, input, 'approve', async ({ trx, row, today }) => {
    const reviewedOn = checkDay('reviewedOn', '审查日期', input.reviewedOn ?? today, {
      today,
      notBefore: { day: row.formed_on, label: '成文日期' },
    });
    const findings = await screenInStep(trx, row, read);
    const confirmed = findings.length > 0 && input.screeningConfirmed === true;
    if (findings.length > 0 && !confirmed) {
      const message = unconfirmedFindingsMessage(findings);
      throw new AppError('validation', message, [
        { field: 'screeningConfirmed', message: '请逐条核实自查结果；核实无误后勾选“已核实自查结果”' },
      ]);
    }
    const opinion = input.opinion.trim() || DEFAULT_OPINION;
    return {
      eventType: 'approved',
      columns: {
        reviewer: ctx.actor.username,
        reviewed_on: reviewedOn,
        review_result: 'approved',
        review_opinion: opinion,
      },
      data: {
        reviewedOn,
        opinion,
        screening: { findings: findings.length, unscreened: read.unscreened.length, confirmed },
      },
      afterWrite: async (trx2, stored, eventId) => {
        await keepScreening(trx2, {
          agencyId: stored.agency_id,
          itemId: stored.id,
          stage: 'review',
          actor: ctx.actor.username,
          at: ctx.clock.now(),
          findings,
          unscreened: read.unscreened,
          eventId,
          ...(confirmed ? { confirmation: { note } } : {}),
        });
      },
    };
  });
}
