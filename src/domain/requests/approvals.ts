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
 * as the approver — or returns it with a reason.
 *
 * An item's 发布 is the 审批负责人's too (签发, items/state-machine.ts ACTION_ROLES: 三审 — the 经办人
 * drafts, the 保密审查员 reviews under 条例 第十七条, the 审批负责人 签发): on an item that passed its
 * 保密审查 the operator asks (提请签发发布) and the approver's approval publishes it as the approver.
 */
import { can } from '../accounts/policy-table.ts';
import { ACTION_ROLES, type ItemAction } from '../items/state-machine.ts';
import { CASE_ACTION_ROLES, REQUEST_POLICY } from './policy.ts';
import type { CaseAction } from './state-machine.ts';

/** The case actions that need another's consent, and may be put to approval. */
export const APPROVABLE_ACTIONS = ['extend'] as const satisfies readonly CaseAction[];
export type ApprovableAction = (typeof APPROVABLE_ACTIONS)[number];

/** Why each approvable action needs consent, quoted where the request and the console show it. */
export const APPROVAL_GROUNDS: Record<ApprovableAction, string> = {
  extend: '条例第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人。',
};

/** The item actions that need the approver's consent (签发), and may be put to approval. */
export const APPROVABLE_ITEM_ACTIONS = ['publish'] as const satisfies readonly ItemAction[];
export type ApprovableItemAction = (typeof APPROVABLE_ITEM_ACTIONS)[number];

/** What is asked of the approver, in words (the 待审批 list, the item page, the events). */
export const ITEM_APPROVAL_LABELS: Record<ApprovableItemAction, string> = {
  publish: '签发发布',
};

/** Why an item's action needs consent, quoted where the request and the console show it. */
export const ITEM_APPROVAL_GROUNDS: Record<ApprovableItemAction, string> = {
  publish:
    '条例第十七条：行政机关应当建立健全政府信息公开审查机制，明确审查的程序和责任。经办人起草、保密审查员审查通过后，由审批负责人签发发布。',
};

/** The default 提请说明 of an item's request for approval. */
export const ITEM_APPROVAL_DEFAULT_REASON: Record<ApprovableItemAction, string> = {
  publish: '该信息已通过保密审查，提请签发发布。',
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

/** Whether an item action is one that can be put to approval. */
export function isApprovableItemAction(action: string): action is ApprovableItemAction {
  return (APPROVABLE_ITEM_ACTIONS as readonly string[]).includes(action);
}

/**
 * Whether the actor should ask for approval of an item's action rather than take it: the action
 * can be put to approval, they may not take it themselves (发布 is the approver's), and they may ask.
 * A user holding both roles (the demo approver is also an operator) publishes directly.
 */
export function needsItemApproval(actor: { roles: readonly string[] }, action: string): boolean {
  if (!isApprovableItemAction(action)) return false;
  if (can(ACTION_ROLES, actor, action)) return false;
  return can(ACTION_ROLES, actor, 'request_approval');
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

/** Why a new request for approval of an item's action is refused while one is pending, or null. */
export function duplicateItemApprovalProblem(
  pending: ReadonlyArray<{ action: string; requestedBy: string }>,
  action: ApprovableItemAction,
): string | null {
  const same = pending.find((p) => p.action === action);
  if (!same) return null;
  return `该信息已有待审批的“${ITEM_APPROVAL_LABELS[action]}”（由 ${same.requestedBy} 提请），请等待审批负责人批准或退回后再提请。`;
}
