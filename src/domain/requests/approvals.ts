/**
 * 提请审批: a case action the 经办人 may not take alone is put to the one who may (issue 13). Pure:
 * which actions can be put to approval, by whom, the states of a request for approval and the
 * checks of its text.
 *
 * 条例 第三十三条第二款：“行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，
 * 应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。”
 *
 * The extension is the 审批负责人's (CASE_ACTION_ROLES.extend): the operator who handles the case
 * proposes it (how many working days, why) and the approver agrees — the approval takes the action
 * as the approver — or returns it with a reason. Items need no request for approval: their
 * 保密审查 (条例 第十七条) is already its own step (送保密审查 → 保密审查通过/退回, items/state-machine.ts).
 */
import { can } from '../accounts/policy-table.ts';
import { CASE_ACTION_ROLES, REQUEST_POLICY } from './policy.ts';
import type { CaseAction } from './state-machine.ts';

/** The case actions that need another's consent, and may be put to approval. */
export const APPROVABLE_ACTIONS = ['extend'] as const satisfies readonly CaseAction[];
export type ApprovableAction = (typeof APPROVABLE_ACTIONS)[number];

/** Why each approvable action needs consent, quoted where the request and the console show it. */
export const APPROVAL_GROUNDS: Record<ApprovableAction, string> = {
  extend: '条例第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人。',
};

export const APPROVAL_STATES = ['pending', 'approved', 'returned'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPROVAL_STATE_LABELS: Record<ApprovalState, string> = {
  pending: '待审批',
  approved: '已批准',
  returned: '已退回',
};

/** Whether an action is one that can be put to approval. */
export function isApprovableAction(action: string): action is ApprovableAction {
  return (APPROVABLE_ACTIONS as readonly string[]).includes(action);
}

/**
 * Whether the actor should ask for approval rather than act: the action can be put to approval,
 * they may not take it themselves, and they may ask (`request_approval`).
 */
export function needsApproval(actor: { roles: readonly string[] }, action: string): boolean {
  if (!isApprovableAction(action)) return false;
  if (can(CASE_ACTION_ROLES, actor, action)) return false;
  return can(REQUEST_POLICY, actor, 'request_approval');
}

/** The longest 提请说明 or 退回理由. */
export const APPROVAL_TEXT_MAX = 1000;

/** What is wrong with a 提请说明 or 退回理由 (`label` names it), or null. */
export function approvalTextProblem(text: string | undefined, label: string): string | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return `请填写${label}。`;
  if (trimmed.length > APPROVAL_TEXT_MAX) return `${label}不能超过${APPROVAL_TEXT_MAX}个字，请精简后再提交。`;
  return null;
}

/** Why a new request for approval of `action` is refused while one is pending, or null. */
export function duplicateApprovalProblem(
  pending: ReadonlyArray<{ action: string; requestedBy: string }>,
  action: ApprovableAction,
  label: string,
): string | null {
  const same = pending.find((p) => p.action === action);
  if (!same) return null;
  return `该申请已有待审批的“${label}”（由 ${same.requestedBy} 提请），请等待审批负责人批准或退回后再提请。`;
}
