import type { AttachmentTextReader } from '../../files/attachment-text.ts';
import type { CommandContext } from '../context.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';
import { keepScreening, readItemTexts, screenInStep } from './screening.ts';

export interface SubmitForReviewInput extends ItemTarget {
  /** reads the attachments' text for 发布前自查 (the server's file store); without it they are listed as not screened */
  attachmentTexts?: AttachmentTextReader;
}

/**
 * Sends a draft to 保密审查 (条例第十七条): an operator; the item waits for a reviewer. The item is
 * screened (发布前自查, docs/screening.md) and the result kept with the event for the reviewer.
 */
export async function submitForReview(
  ctx: CommandContext,
  input: SubmitForReviewInput,
): Promise<ItemActionResult> {
  const read = await readItemTexts(ctx.db, input.attachmentTexts, input.agencyId, input.itemId);
  return runItemAction(ctx, input, 'submit', async ({ trx, row }) => {
    const findings = await screenInStep(trx, row, read);
    return {
      eventType: 'submitted',
      data: { screening: { findings: findings.length, unscreened: read.unscreened.length } },
      afterWrite: async (trx2, stored, eventId) => {
        await keepScreening(trx2, {
          agencyId: stored.agency_id,
          itemId: stored.id,
          stage: 'submitted',
          actor: ctx.actor.username,
          at: ctx.clock.now(),
          findings,
          unscreened: read.unscreened,
          eventId,
        });
      },
    };
  });
}
