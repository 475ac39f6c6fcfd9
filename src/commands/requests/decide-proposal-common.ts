/** What 纳入 and 不纳入 share: the proposal checked against the year's proposals, and the case events. */
import { computeProposals } from '../../db/queries/publication-proposals.ts';
import { type Proposal, proposalKey } from '../../domain/requests/proposals/proposals.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Trx } from '../context.ts';
import { lastEventDate, noteOnCase } from './case-store.ts';

/**
 * The open proposal made of exactly these requests in the year, or 409: requests that are not one
 * (a request joined or left the group since it was shown, or they were never alike) or one decided.
 */
export async function openProposal(trx: Trx, agencyId: number, year: number, requestIds: readonly number[]) {
  const key = proposalKey(requestIds);
  const proposals = await computeProposals(trx, agencyId, year);
  const proposal: Proposal | undefined = proposals.find((p) => proposalKey(p.requestIds) === key);
  if (!proposal) {
    throw new AppError(
      'invalid_state',
      `申请 ${key} 在 ${year} 年的申请中不构成一项纳入主动公开的建议（可能有申请新加入或已办结情况变化），请刷新建议列表后重试。`,
    );
  }
  if (proposal.status !== 'open') {
    throw new AppError(
      'invalid_state',
      proposal.status === 'included'
        ? '该建议已纳入主动公开，不能再次处理。'
        : '该建议已决定不纳入主动公开，不能再次处理。',
    );
  }
  return { key, proposal };
}

/** An event on each request of the proposal (the case's state unchanged), in the caller's transaction. */
export async function noteOnEachCase(
  ctx: CommandContext,
  agencyId: number,
  requestIds: readonly number[],
  eventType: string,
  data: Record<string, unknown>,
): Promise<void> {
  for (const requestId of requestIds) {
    await noteOnCase(ctx, { agencyId, requestId }, async (trx, row) => ({
      event: { eventType, occurredOn: (await lastEventDate(trx, row.id)) || row.receivedOn, data },
      result: undefined,
    }));
  }
}
