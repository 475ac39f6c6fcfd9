/**
 * Requests for approval (提请审批, 0026, 0028) as staff read them: an agency's (the 待审批 list of the
 * 工作台), or one case's (the case page), or one item's (the item page), newest first, each with its
 * case's number and information or its item's title.
 */

import type { Reader } from '../../commands/context.ts';
import { actorLabel } from '../../domain/accounts/actor-name.ts';
import {
  APPROVAL_STATE_LABELS,
  type ApprovalState,
  ITEM_APPROVAL_LABELS,
  isApprovableItemAction,
} from '../../domain/requests/approvals.ts';
import { CASE_ACTION_LABELS, type CaseAction } from '../../domain/requests/state-machine.ts';

export interface ApprovalRequestView {
  id: number;
  /** what it is about: a case (requestId) or an item (itemId) */
  subjectType: 'request' | 'item';
  requestId: number | null;
  registrationNo: string | null;
  information: string | null;
  itemId: number | null;
  itemTitle: string | null;
  action: string;
  actionLabel: string;
  payload: Record<string, unknown>;
  reason: string;
  requestedBy: string;
  /** the asker's name (姓名), as people read it */
  requestedByName: string;
  requestedAt: string;
  state: ApprovalState;
  stateLabel: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  returnReason: string | null;
}

/** An agency's requests for approval, newest first: all, or those in one state, or one case's. */
export async function listApprovalRequests(
  reader: Reader,
  agencyId: number,
  filter: { state?: ApprovalState; requestId?: number; itemId?: number; limit?: number } = {},
): Promise<ApprovalRequestView[]> {
  let query = reader
    .selectFrom('approval_requests as a')
    .leftJoin('requests as r', 'r.id', 'a.request_id')
    .leftJoin('items as i', 'i.id', 'a.item_id')
    .leftJoin('users as asker', 'asker.username', 'a.requested_by')
    .leftJoin('users as decider', 'decider.username', 'a.decided_by')
    .select([
      'asker.display_name as requested_by_name',
      'decider.display_name as decided_by_name',
      'a.id',
      'a.request_id',
      'r.registration_no',
      'r.information',
      'a.item_id',
      'i.title as item_title',
      'a.action',
      'a.payload',
      'a.reason',
      'a.requested_by',
      'a.requested_at',
      'a.state',
      'a.decided_by',
      'a.decided_at',
      'a.return_reason',
    ])
    .where('a.agency_id', '=', agencyId);
  if (filter.state) query = query.where('a.state', '=', filter.state);
  if (filter.requestId !== undefined) query = query.where('a.request_id', '=', filter.requestId);
  if (filter.itemId !== undefined) query = query.where('a.item_id', '=', filter.itemId);
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subjectType: r.item_id === null ? 'request' : 'item',
    requestId: r.request_id,
    registrationNo: r.registration_no,
    information: r.information,
    itemId: r.item_id,
    itemTitle: r.item_title,
    action: r.action,
    actionLabel:
      r.item_id !== null && isApprovableItemAction(r.action)
        ? ITEM_APPROVAL_LABELS[r.action]
        : (CASE_ACTION_LABELS[r.action as CaseAction] ?? r.action),
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedByName: actorLabel(r.requested_by, r.requested_by_name ?? undefined),
    requestedAt: r.requested_at,
    state: r.state as ApprovalState,
    stateLabel: APPROVAL_STATE_LABELS[r.state as ApprovalState] ?? r.state,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by ? actorLabel(r.decided_by, r.decided_by_name ?? undefined) : null,
    decidedAt: r.decided_at,
    returnReason: r.return_reason,
  }));
}

/** How many requests for approval of an agency are pending. */
export async function countPendingApprovals(reader: Reader, agencyId: number): Promise<number> {
  const row = await reader
    .selectFrom('approval_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
