/**
 * The 审批负责人 approves a request for approval (提请审批): the proposed action is taken, as the
 * approver, with the fields the operator proposed (commands/requests/apply-case-action.ts: version,
 * role, state, the action's own rules — an extension past 20 working days or after the due date is
 * still refused), the request for approval is closed, and the case event `approval_granted` names
 * the action's event — all in one transaction: nothing is written when the action is refused.
 *
 * 条例 第三十三条第二款：“……需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人……”
 */
import { appendEvent } from '../../db/events.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, fixedCalendar } from '../context.ts';
import { applyCaseAction } from './apply-case-action.ts';
import { closeApproval, loadApproval } from './load-approval.ts';

export interface ApproveInput {
  agencyId: number;
  approvalId: number;
}

export interface Approved {
  approvalId: number;
  requestId: number;
  action: string;
  /** the case's version and state after the action */
  version: number;
  state: string;
  eventId: number;
}

export async function approveRequest(ctx: CommandContext, input: ApproveInput): Promise<Approved> {
  const refusal = requestRefusal(ctx.actor, 'decide_approval');
  if (refusal) throw new AppError('forbidden', refusal);
  // loaded before the transaction: the calendar service reads the database (SQLite: one connection)
  const calendar = fixedCalendar(await ctx.calendar.get());
  return inTransaction(ctx.db, async (trx) => {
    const approval = await loadApproval(trx, input.agencyId, input.approvalId);
    const at = ctx.clock.now();
    // closed first: of two approvers at once, the second waits here and is told it is decided
    await closeApproval(trx, approval.id, {
      state: 'approved',
      by: ctx.actor.username,
      at: at.toISOString(),
    });
    const current = await trx
      .selectFrom('requests')
      .select('version')
      .where('id', '=', approval.requestId)
      .executeTakeFirstOrThrow();
    const done = await applyCaseAction(
      { ...ctx, db: withinTransaction(ctx.db, trx), calendar },
      {
        agencyId: input.agencyId,
        requestId: approval.requestId,
        expectedVersion: current.version,
        action: approval.action as CaseAction,
        payload: approval.payload,
      },
    );
    await trx
      .updateTable('approval_requests')
      .set({ event_id: done.eventId })
      .where('id', '=', approval.id)
      .execute();
    await appendEvent(trx, {
      name: 'requests.approval_granted',
      subject: { type: 'request', id: approval.requestId },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at,
      occurredOn: ctx.clock.today(),
      state: { before: done.state, after: done.state },
      data: {
        approvalId: approval.id,
        action: approval.action,
        requestedBy: approval.requestedBy,
        reason: approval.reason,
        actionEventId: done.eventId,
      },
    });
    return {
      approvalId: approval.id,
      requestId: approval.requestId,
      action: approval.action,
      version: done.version,
      state: done.state,
      eventId: done.eventId,
    };
  });
}
