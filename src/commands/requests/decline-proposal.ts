/**
 * 不纳入主动公开 (条例 第四十四条): the 审核 outcome of a proposal that the information is not to be
 * published proactively, with the reason; an event on each request, one transaction. The proposal
 * does not come back for the same requests (publication_proposals, unique by its requests); a new
 * applicant asking for the same information makes a new proposal.
 *
 * // 条例 第四十四条：“行政机关经审核认为属于主动公开范围的，应当及时主动公开。”
 */
import { rethrowConflict } from '../../db/conflict.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { noteOnEachCase, openProposal } from './decide-proposal-common.ts';

export interface DeclineProposalInput {
  agencyId: number;
  year: number;
  requestIds: readonly number[];
  reason: string;
}

export async function declineProposal(
  ctx: CommandContext,
  input: DeclineProposalInput,
): Promise<{ proposalId: number }> {
  const refusal = requestRefusal(ctx.actor, 'decline_proposal');
  if (refusal) throw new AppError('forbidden', refusal);
  const reason = input.reason.trim();
  if (!reason) {
    throw new AppError('validation', '请填写“不纳入理由”：经审核不属于主动公开范围的原因。', [
      { field: 'reason', message: '请填写“不纳入理由”。' },
    ]);
  }
  return inTransaction(ctx.db, async (trx) => {
    const { key, proposal } = await openProposal(trx, input.agencyId, input.year, input.requestIds);
    const inserted = await trx
      .insertInto('publication_proposals')
      .values({
        agency_id: input.agencyId,
        request_key: key,
        kind: proposal.kind,
        result: 'not_included',
        reason,
        item_id: null,
        actor: ctx.actor.username,
        decided_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inner = { ...ctx, db: withinTransaction(ctx.db, trx) };
    await noteOnEachCase(inner, input.agencyId, proposal.requestIds, 'publication_declined', {
      proposalId: inserted.id,
      kind: proposal.kind,
      requestIds: proposal.requestIds,
      reason,
    });
    return { proposalId: inserted.id };
  }).catch((error: unknown) => rethrowConflict(error, '该建议正由他人同时处理，请刷新后查看。'));
}
