/**
 * The 审批负责人 returns a request for approval (提请审批) with the reason: the request is closed as
 * 已退回 and the case event `approval_returned` records why, in one transaction; the case is
 * unchanged. The operator sees the reason on the case page and may ask again.
 */
import { approvalTextProblem } from '../../domain/requests/approvals.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
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
): Promise<{ approvalId: number; requestId: number }> {
  const refusal = requestRefusal(ctx.actor, 'decide_approval');
  if (refusal) throw new AppError('forbidden', refusal);
  const reason = (input.reason ?? '').trim();
  const problem = approvalTextProblem(reason, '退回理由');
  if (problem) throw new AppError('validation', problem, [{ field: 'reason', message: problem }]);
  const found = await loadApproval(ctx.db.kysely, input.agencyId, input.approvalId);
  return noteOnCase(ctx, { agencyId: input.agencyId, requestId: found.requestId }, async (trx) => {
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
        occurredOn: await approvalNoteDay(trx, approval.requestId, ctx.clock.today()),
        data: {
          approvalId: approval.id,
          action: approval.action,
          requestedBy: approval.requestedBy,
          reason,
        },
      },
      result: { approvalId: approval.id, requestId: approval.requestId },
    };
  });
}
