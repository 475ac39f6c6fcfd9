/**
 * The 审批负责人 approves a request for approval (提请审批): the proposed action is taken, as the
 * approver, with the fields the operator proposed (commands/requests/apply-case-action.ts: version,
 * role, state, the action's own rules — an extension past 20 working days or after the due date is
 * still refused), the request for approval is closed, and the case event `approval_granted` names
 * the action's event — all in one transaction: nothing is written when the action is refused.
 *
 * An item's request (提请签发发布, 0028) is approved the same way: the item is published as the
 * approver (publishItem's checks), with `items.approval_granted` (commands/items/item-approvals.ts).
 *
 * 条例 第三十三条第二款：“……需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人……”
 */
import { appendEvent } from '../../db/events.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, fixedCalendar } from '../context.ts';
import { grantItemApproval } from '../items/item-approvals.ts';
import { publishedItemsChanged } from '../items/published-changes.ts';
import { applyCaseAction } from './apply-case-action.ts';
import { closeApproval, loadApproval } from './load-approval.ts';

export interface ApproveInput {
  agencyId: number;
  approvalId: number;
}

export interface Approved {
  approvalId: number;
  /** the case, or null for an item's request (itemId) */
  requestId: number | null;
  itemId: number | null;
  action: string;
  /** the case's (or the item's) version and state after the action */
  version: number;
  state: string;
  eventId: number;
}

export async function approveRequest(ctx: CommandContext, input: ApproveInput): Promise<Approved> {
  const refusal = requestRefusal(ctx.actor, 'decide_approval');
  if (refusal) throw new AppError('forbidden', refusal);
  // loaded before the transaction: the calendar service reads the database (SQLite: one connection)
  const calendar = fixedCalendar(await ctx.calendar.get());
  let published = false;
  const approved = await inTransaction(ctx.db, async (trx): Promise<Approved> => {
    const approval = await loadApproval(trx, input.agencyId, input.approvalId);
    const at = ctx.clock.now();
    // closed first: of two approvers at once, the second waits here and is told it is decided
    await closeApproval(trx, approval.id, {
      state: 'approved',
      by: ctx.actor.username,
      at: at.toISOString(),
    });
    const { itemId, requestId } = approval;
    if (itemId !== null) {
      const granted = await grantItemApproval(ctx, trx, { ...approval, itemId }, calendar);
      published = true;
      return { approvalId: approval.id, requestId: null, action: approval.action, ...granted };
    }
    if (requestId === null) throw new AppError('not_found', `未找到编号为 ${approval.id} 的提请审批。`);
    const current = await trx
      .selectFrom('requests')
      .select('version')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    const done = await applyCaseAction(
      { ...ctx, db: withinTransaction(ctx.db, trx), calendar },
      {
        agencyId: input.agencyId,
        requestId,
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
      subject: { type: 'request', id: requestId },
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
      requestId,
      itemId: null,
      action: approval.action,
      version: done.version,
      state: done.state,
      eventId: done.eventId,
    };
  });
  // the portal's caches, once the publication is committed
  if (published) publishedItemsChanged(ctx.db);
  return approved;
}
