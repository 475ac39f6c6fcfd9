/**
 * 提请审批: the 经办人 puts a case action they may not take alone to the 审批负责人 (domain/requests/
 * approvals.ts) — what (the action and its fields, checked now as the action will check them),
 * which case, why, who, when — as a row of `approval_requests` (0026) and the case event
 * `approval_requested`, in one transaction (a note: the state is unchanged, the version moves). A second
 * pending request for the same action on the case is refused (and a concurrent one loses on the
 * partial unique index).
 *
 * 条例 第三十三条第二款：“……需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长
 * 不得超过20个工作日。”
 */
import {
  APPROVABLE_ACTIONS,
  approvalTextProblem,
  duplicateApprovalProblem,
  isApprovableAction,
  needsApproval,
} from '../../domain/requests/approvals.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { CASE_ACTION_LABELS, kindRefusal, transition } from '../../domain/requests/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { noteOnCase } from './case-store.ts';
import { parse } from './handler-kit.ts';
import { approvalNoteDay } from './load-approval.ts';

export interface RequestApprovalInput {
  agencyId: number;
  requestId: number;
  /** the version the operator saw */
  expectedVersion?: number;
  action: string;
  /** the action's fields as proposed (extend: days, reason) */
  payload: Record<string, unknown>;
  /** why (提请说明); the action's own reason when left out */
  reason?: string;
}

export interface RequestedApproval {
  approvalId: number;
  requestId: number;
  action: string;
}

export async function requestApproval(
  ctx: CommandContext,
  input: RequestApprovalInput,
): Promise<RequestedApproval> {
  const refusal = requestRefusal(ctx.actor, 'request_approval');
  if (refusal) throw new AppError('forbidden', refusal);
  const { action } = input;
  if (!isApprovableAction(action)) {
    const offered = APPROVABLE_ACTIONS.map((a) => `“${CASE_ACTION_LABELS[a]}”`).join('、');
    const message = `提请审批的事项应为${offered}；其他事项由经办人直接办理。`;
    throw new AppError('validation', message, [{ field: 'action', message }]);
  }
  const label = CASE_ACTION_LABELS[action];
  if (!needsApproval(ctx.actor, action))
    throw new AppError('validation', `您可以直接办理“${label}”，无需提请审批。`);
  const payload = parse(action, input.payload);
  const reason = (input.reason ?? ('reason' in payload ? payload.reason : '')).trim();
  const problem = approvalTextProblem(reason, '提请说明');
  if (problem) throw new AppError('validation', problem, [{ field: 'reason', message: problem }]);

  return noteOnCase(ctx, { ...input, lock: true }, async (trx, row) => {
    const wrongKind = kindRefusal(row.kind, action);
    if (wrongKind) throw new AppError('invalid_state', wrongKind);
    const moved = transition(row.state, action);
    if (!moved.ok) throw new AppError('invalid_state', moved.message);
    const pending = await trx
      .selectFrom('approval_requests')
      .select(['action', 'requested_by'])
      .where('request_id', '=', row.id)
      .where('state', '=', 'pending')
      .execute();
    const duplicate = duplicateApprovalProblem(
      pending.map((p) => ({ action: p.action, requestedBy: p.requested_by })),
      action,
      label,
    );
    if (duplicate) throw new AppError('conflict', duplicate);
    const at = ctx.clock.now().toISOString();
    const inserted = await trx
      .insertInto('approval_requests')
      .values({
        agency_id: row.agencyId,
        request_id: row.id,
        action,
        payload: JSON.stringify(payload),
        reason,
        requested_by: ctx.actor.username,
        requested_at: at,
        state: 'pending',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      event: {
        eventType: 'approval_requested',
        occurredOn: await approvalNoteDay(trx, row.id, ctx.clock.today()),
        data: { approvalId: inserted.id, action, payload, reason },
      },
      result: { approvalId: inserted.id, requestId: row.id, action },
    };
  });
}
