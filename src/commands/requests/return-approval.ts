/**
 * The 审批负责人 returns a request for approval (提请审批) with the reason: the request is closed as
 * 已退回 and the case event `approval_returned` records why, in one transaction; the case is
 * unchanged. The operator sees the reason on the case page and may ask again. An item's request
 * (提请签发发布) is returned on the item (`items.approval_returned`): it stays 审查通过待发布.
 */
import { approvalTextProblem } from '../../domain/requests/approvals.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { returnItemApproval } from '../items/item-approvals.ts';
import { noteOnCase } from './case-store.ts';
import { approvalNoteDay, closeApproval, loadApproval } from './load-approval.ts';

export interface ReturnApprovalInput {
  agencyId: number;
  approvalId: number;
  reason?: string;
}

export async function returnApproval(
  ctx: CommandContext,
  input: ReturnApprovalInput,
): Promise<{ approvalId: number; requestId: number | null; itemId: number | null }> {
  const refusal = requestRefusal(ctx.actor, 'decide_approval');
  if (refusal) throw new AppError('forbidden', refusal);
  const reason = (input.reason ?? '').trim();
  const problem = approvalTextProblem(reason, '退回理由');
  if (problem) throw new AppError('validation', problem, [{ field: 'reason', message: problem }]);
  const found = await loadApproval(ctx.db.kysely, input.agencyId, input.approvalId);
  const { itemId, requestId } = found;
  if (itemId !== null) {
    const returned = await returnItemApproval(ctx, { ...found, itemId }, reason);
    return { ...returned, requestId: null };
  }
  if (requestId === null) throw new AppError('not_found', `未找到编号为 ${found.id} 的提请审批。`);
  return noteOnCase(ctx, { agencyId: input.agencyId, requestId }, async (trx) => {
    const approval = await loadApproval(trx, input.agencyId, input.approvalId);
    const at = ctx.clock.now().toISOString();
    await closeApproval(trx, approval.id, {
      state: 'returned',
      by: ctx.actor.username,
      at,
      returnReason: reason,
    });
    return {
      event: {
        eventType: 'approval_returned',
        occurredOn: await approvalNoteDay(trx, requestId, ctx.clock.today()),
        data: {
          approvalId: approval.id,
          action: approval.action,
          requestedBy: approval.requestedBy,
          reason,
        },
      },
      result: { approvalId: approval.id, requestId, itemId: null },
    };
  });
}
