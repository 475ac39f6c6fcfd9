/**
 * Requests for approval (提请审批, 0026) as staff read them: an agency's (the 待审批 list of the
 * 工作台), or one case's (the case page), newest first, each with its case's number and information.
 */

import type { Reader } from '../../commands/context.ts';
import { actorLabel } from '../../domain/accounts/actor-name.ts';
import { APPROVAL_STATE_LABELS, type ApprovalState } from '../../domain/requests/approvals.ts';
import { CASE_ACTION_LABELS, type CaseAction } from '../../domain/requests/state-machine.ts';

export interface ApprovalRequestView {
  id: number;
  requestId: number;
  registrationNo: string | null;
  information: string | null;
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
  filter: { state?: ApprovalState; requestId?: number; limit?: number } = {},
): Promise<ApprovalRequestView[]> {
  let query = reader
    .selectFrom('approval_requests as a')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .leftJoin('users as asker', 'asker.username', 'a.requested_by')
    .leftJoin('users as decider', 'decider.username', 'a.decided_by')
    .select([
      'asker.display_name as requested_by_name',
      'decider.display_name as decided_by_name',
      'a.id',
      'a.request_id',
      'r.registration_no',
      'r.information',
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
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    registrationNo: r.registration_no,
    information: r.information,
    action: r.action,
    actionLabel: CASE_ACTION_LABELS[r.action as CaseAction] ?? r.action,
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
