/**
 * 提请审批 of an item (issue 13, domain/requests/approvals.ts): 发布 is the 审批负责人's (签发). On an
 * item that passed its 保密审查 (条例 第十七条) the 经办人 asks for it — a row of `approval_requests`
 * pointing at the item (0028) and the item's event `items.approval_requested`, in one transaction;
 * the item is unchanged. The approver's approval publishes it as the approver (publishItem: the
 * same checks as 发布) with `items.approval_granted`, all in the caller's transaction; a return
 * records why (`items.approval_returned`) and the item stays 审查通过待发布.
 */

import { appendEvent } from '../../db/events.ts';
import { withinTransaction } from '../../db/transaction.ts';
import { actorLabel } from '../../domain/accounts/actor-name.ts';
import {
  ITEM_ACTION_LABELS,
  type ItemState,
  refusalFor,
  transition,
} from '../../domain/items/state-machine.ts';
import {
  APPROVABLE_ITEM_ACTIONS,
  approvalTextProblem,
  duplicateItemApprovalProblem,
  ITEM_APPROVAL_DEFAULT_REASON,
  ITEM_APPROVAL_LABELS,
  isApprovableItemAction,
  needsItemApproval,
} from '../../domain/requests/approvals.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, fixedCalendar, Trx } from '../context.ts';
import { type ApprovalRow, closeApproval } from '../requests/load-approval.ts';
import { runSubjectNote } from '../subject-step.ts';
import { publishItem } from './publish-item.ts';
import { ITEM_STORE } from './run-item-action.ts';

export interface RequestItemApprovalInput {
  agencyId: number;
  itemId: number;
  /** the version the operator saw */
  expectedVersion?: number;
  /** the item action to approve: `publish` */
  action: string;
  /** why (提请说明); “该信息已通过保密审查，提请签发发布。” when left out */
  reason?: string;
}

export interface RequestedItemApproval {
  approvalId: number;
  itemId: number;
  action: string;
}

/** The operator asks the approver to 签发 (publish) an item that passed its 保密审查. */
export async function requestItemApproval(
  ctx: CommandContext,
  input: RequestItemApprovalInput,
): Promise<RequestedItemApproval> {
  const refusal = refusalFor('request_approval', ctx.actor, '');
  if (refusal) throw new AppError('forbidden', refusal);
  const { action } = input;
  if (!isApprovableItemAction(action)) {
    const offered = APPROVABLE_ITEM_ACTIONS.map((a) => `“${ITEM_ACTION_LABELS[a]}”`).join('、');
    const message = `信息提请审批的事项应为${offered}；其他事项由经办人直接办理。`;
    throw new AppError('validation', message, [{ field: 'action', message }]);
  }
  if (!needsItemApproval(ctx.actor, action))
    throw new AppError('validation', `您可以直接办理“${ITEM_ACTION_LABELS[action]}”，无需提请审批。`);
  const reason = (input.reason ?? '').trim() || ITEM_APPROVAL_DEFAULT_REASON[action];
  const problem = approvalTextProblem(reason, '提请说明');
  if (problem) throw new AppError('validation', problem, [{ field: 'reason', message: problem }]);

  return runSubjectNote(ctx, ITEM_STORE, {
    agencyId: input.agencyId,
    id: input.itemId,
    expectedVersion: input.expectedVersion,
    async note(trx, row) {
      const moved = transition(row.status as ItemState, action);
      if (!moved.ok)
        throw new AppError(
          'invalid_state',
          `${moved.message.replace(/。$/, '')}，保密审查通过后方可提请签发发布。`,
        );
      const pending = await trx
        .selectFrom('approval_requests as a')
        .leftJoin('users as u', 'u.username', 'a.requested_by')
        .select(['a.action', 'a.requested_by', 'u.display_name'])
        .where('a.item_id', '=', row.id)
        .where('a.state', '=', 'pending')
        .execute();
      const duplicate = duplicateItemApprovalProblem(
        pending.map((p) => ({
          action: p.action,
          requestedBy: actorLabel(p.requested_by, p.display_name ?? undefined),
        })),
        action,
      );
      if (duplicate) throw new AppError('conflict', duplicate);
      const inserted = await trx
        .insertInto('approval_requests')
        .values({
          agency_id: row.agency_id,
          request_id: null,
          item_id: row.id,
          action,
          payload: '{}',
          reason,
          requested_by: ctx.actor.username,
          requested_at: ctx.clock.now().toISOString(),
          state: 'pending',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        event: {
          eventType: 'approval_requested',
          data: { approvalId: inserted.id, action, label: ITEM_APPROVAL_LABELS[action], reason },
        },
        result: { approvalId: inserted.id, itemId: row.id, action },
      };
    },
  });
}

export interface ItemApprovalGranted {
  itemId: number;
  version: number;
  state: string;
  eventId: number;
}

/**
 * Within the approval's transaction (approve-request.ts, the request for approval already closed):
 * the item is published as the approver — publishItem's checks (the role, the state, the version,
 * the publication date) — and `items.approval_granted` names the publication's event.
 */
export async function grantItemApproval(
  ctx: CommandContext,
  trx: Trx,
  approval: ApprovalRow & { itemId: number },
  calendar: ReturnType<typeof fixedCalendar>,
): Promise<ItemApprovalGranted> {
  const current = await trx
    .selectFrom('items')
    .select('version')
    .where('id', '=', approval.itemId)
    .where('agency_id', '=', approval.agencyId)
    .executeTakeFirst();
  if (!current) throw new AppError('not_found', `未找到编号为 ${approval.itemId} 的信息。`);
  const done = await publishItem(
    { ...ctx, db: withinTransaction(ctx.db, trx), calendar },
    { agencyId: approval.agencyId, itemId: approval.itemId, expectedVersion: current.version },
  );
  await trx
    .updateTable('approval_requests')
    .set({ event_id: done.eventId })
    .where('id', '=', approval.id)
    .execute();
  await appendEvent(trx, {
    name: 'items.approval_granted',
    subject: { type: 'item', id: approval.itemId },
    agency: approval.agencyId,
    actor: ctx.actor.username,
    at: ctx.clock.now(),
    state: { before: done.status, after: done.status },
    data: {
      approvalId: approval.id,
      action: approval.action,
      requestedBy: approval.requestedBy,
      reason: approval.reason,
      actionEventId: done.eventId,
      indexNo: done.indexNo,
      publishedOn: done.publishedOn,
    },
  });
  return { itemId: approval.itemId, version: done.version, state: done.status, eventId: done.eventId };
}

/** The approver returns an item's request for approval with the reason; the item stays approved. */
export async function returnItemApproval(
  ctx: CommandContext,
  approval: ApprovalRow & { itemId: number },
  reason: string,
): Promise<{ approvalId: number; itemId: number }> {
  return runSubjectNote(ctx, ITEM_STORE, {
    agencyId: approval.agencyId,
    id: approval.itemId,
    async note(trx) {
      await closeApproval(trx, approval.id, {
        state: 'returned',
        by: ctx.actor.username,
        at: ctx.clock.now().toISOString(),
        returnReason: reason,
      });
      return {
        event: {
          eventType: 'approval_returned',
          data: {
            approvalId: approval.id,
            action: approval.action,
            requestedBy: approval.requestedBy,
            reason,
          },
        },
        result: { approvalId: approval.id, itemId: approval.itemId },
      };
    },
  });
}
