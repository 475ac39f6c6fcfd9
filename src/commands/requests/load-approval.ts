/** One request for approval (提请审批, 0026, 0028) of an agency, for the commands that decide it. */
import { APPROVAL_STATE_LABELS, type ApprovalState } from '../../domain/requests/approvals.ts';
import { AppError } from '../../errors.ts';
import type { Reader } from '../context.ts';
import { lastEventDate } from './case-store.ts';

export interface ApprovalRow {
  id: number;
  agencyId: number;
  /** the case, or null when the request is an item's (itemId) */
  requestId: number | null;
  itemId: number | null;
  action: string;
  payload: Record<string, unknown>;
  reason: string;
  requestedBy: string;
  state: ApprovalState;
}

/** The request for approval, or not_found; `pending` also refuses one already decided (409). */
export async function loadApproval(
  reader: Reader,
  agencyId: number,
  approvalId: number,
  pending = true,
): Promise<ApprovalRow> {
  const row = await reader
    .selectFrom('approval_requests')
    .selectAll()
    .where('id', '=', approvalId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到编号为 ${approvalId} 的提请审批。`);
  const state = row.state as ApprovalState;
  if (pending && state !== 'pending') {
    // who decided it, by name (姓名), never the username
    const decider = row.decided_by
      ? await reader
          .selectFrom('users')
          .select('display_name')
          .where('username', '=', row.decided_by)
          .executeTakeFirst()
      : undefined;
    const by = decider?.display_name ? `（${decider.display_name}）` : '';
    throw new AppError(
      'conflict',
      `该提请审批${APPROVAL_STATE_LABELS[state] ?? '已处理'}${by}，无需再次处理；请刷新页面查看。`,
    );
  }
  return {
    id: row.id,
    agencyId: row.agency_id,
    requestId: row.request_id,
    itemId: row.item_id,
    action: row.action,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    reason: row.reason,
    requestedBy: row.requested_by,
    state,
  };
}

/** Marks a pending request for approval decided; 409 when another decided it first. */
export async function closeApproval(
  trx: Reader,
  approvalId: number,
  decision: {
    state: 'approved' | 'returned';
    by: string;
    at: string;
    returnReason?: string;
    eventId?: number;
  },
): Promise<void> {
  const updated = await trx
    .updateTable('approval_requests')
    .set({
      state: decision.state,
      decided_by: decision.by,
      decided_at: decision.at,
      return_reason: decision.returnReason ?? null,
      event_id: decision.eventId ?? null,
    })
    .where('id', '=', approvalId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', '该提请审批刚被他人处理，请刷新页面查看结果。');
}

/**
 * The day a case's request for approval or its return is dated (an item's events carry no day):
 * today, or the case's last event day when that is later (an online request filed on a rest day
 * counts from the next working day).
 */
export async function approvalNoteDay(trx: Reader, requestId: number, today: string): Promise<string> {
  const lastOn = await lastEventDate(trx, requestId);
  return [lastOn, today].sort()[1];
}
