/**
 * Who may do what to a disclosure request (依申请公开), roles held in the request's agency: the
 * 经办人 registers, acts, attaches files and records deliveries; an extension needs the consent of
 * the head of the disclosure office (条例第三十三条: the 审批负责人); the applicant's full ID number
 * is for the operator and the approver (each view logged); the yearly review of withheld
 * information (第十八条) is for the reviewer, the approver and the agency admin; of a proposal to
 * publish proactively (第四十四条), the operator records a suggestion and drafts the item, the approver
 * declines. Reading a case is for the agency's staff (the route gate).
 */
import { can, type PolicyTable, roleRefusal, rolesNeeded } from '../accounts/policy-table.ts';
import type { RequestChannel } from '../report/vocabulary.ts';
import type { RequestKind } from './record-correction.ts';
import type { CaseAction } from './state-machine.ts';

/** The verbs on a request besides its case actions. */
export type RequestVerb =
  | 'register'
  | 'attach'
  | 'record_delivery'
  | 'record_review'
  | 'record_assistance'
  | 'view_applicant_id'
  | 'review_withheld'
  | 'record_suggestion'
  | 'include_proposal'
  | 'decline_proposal'
  | 'request_approval'
  | 'decide_approval';

/** verb → the roles that may. */
export const REQUEST_POLICY: PolicyTable<RequestVerb> = {
  register: ['operator'],
  attach: ['operator'],
  record_delivery: ['operator'],
  /** a 行政复议 or 诉讼 about the case and its result: feeds table 四 of the annual report */
  record_review: ['operator'],
  record_assistance: ['operator'],
  view_applicant_id: ['operator', 'approver'],
  // 条例 第四十四条: the 经办人 records an applicant's suggestion and opens the draft item (drafting
  // is theirs, items/state-machine.ts); deciding 不纳入 after 审核 is the head's (审批负责人).
  record_suggestion: ['operator'],
  include_proposal: ['operator'],
  decline_proposal: ['approver'],
  // 条例 第十八条：“……对本行政机关不予公开的政府信息进行定期评估审查……”: the yearly decision to keep
  // withholding or to disclose is the 保密审查员's, the head's (审批负责人) or the agency admin's, not
  // the 经办人's who answered (every staff member reads the list).
  review_withheld: ['reviewer', 'approver', 'agency_admin'],
  // 提请审批 (approvals.ts): the 经办人 puts an action they may not take to the one who may; 条例
  // 第三十三条第二款 “经政府信息公开工作机构负责人同意”: the 审批负责人 approves (taking it) or returns it.
  // The same 审批负责人 decides an item's 提请签发发布 (items/state-machine.ts: 发布 is theirs).
  request_approval: ['operator'],
  decide_approval: ['approver'],
};

/** Each case action's roles (as items' ACTION_ROLES): the operator's, but extending the approver's. */
export const CASE_ACTION_ROLES: PolicyTable<CaseAction> = {
  request_correction: ['operator'],
  receive_correction: ['operator'],
  close_correction_lapsed: ['operator'],
  send_consultation: ['operator'],
  receive_consultation_reply: ['operator'],
  extend: ['approver'],
  send_fee_notice: ['operator'],
  record_fee_payment: ['operator'],
  close_fee_lapsed: ['operator'],
  request_reasons: ['operator'],
  set_later_date: ['operator'],
  decide: ['operator'],
  decide_correction: ['operator'],
  record_provision: ['operator'],
};

/** What each verb is, in the words of its refusal (“提请审批需要“经办人”角色……”). */
const REFUSED: Record<RequestVerb, string> = {
  register: '登记依申请公开',
  attach: '上传附件',
  record_delivery: '登记文书送达',
  record_review: '登记行政复议、行政诉讼案件',
  record_assistance: '登记为申请人提供的帮助（条例第四十三条）',
  view_applicant_id: '查看申请人完整证件号码',
  record_suggestion: '登记申请人的主动公开建议',
  include_proposal: '纳入主动公开（起草信息）',
  decline_proposal: '决定不纳入主动公开',
  review_withheld: '不予公开信息的定期评估审查决定（条例第十八条）',
  request_approval: '提请审批',
  decide_approval:
    '批准或退回提请审批的事项（延期答复：条例第三十三条第二款，经政府信息公开工作机构负责人同意；信息发布：审批负责人签发）',
};

/** Whether the actor may do a verb on a request of their agency. */
export function canOnRequest(actor: { roles: readonly string[] }, verb: RequestVerb): boolean {
  return can(REQUEST_POLICY, actor, verb);
}

/** Why the actor may not do a verb on a request, or null. */
export function requestRefusal(actor: { roles: readonly string[] }, verb: RequestVerb): string | null {
  return canOnRequest(actor, verb) ? null : roleRefusal(REFUSED[verb], rolesNeeded(REQUEST_POLICY, verb));
}

/**
 * Why an actor may not register a request, or null: staff need the operator role (`register`);
 * nobody signed in — a citizen through the portal or the public API — may file online only
 * (第二十九条: 网络申请), every other channel is registered by the 经办人 who received it.
 */
export function registrationRefusal(
  actor: { roles: readonly string[] } | null,
  channel: RequestChannel,
  kind: RequestKind = 'disclosure',
): string | null {
  if (actor) return requestRefusal(actor, 'register');
  // 条例 第四十一条: the portal files disclosure requests; a correction request is registered by staff
  if (kind === 'record_correction') return '更正申请（条例第四十一条）须由“经办人”登记。';
  return channel === 'online' ? null : '信函、当面、传真、口头等渠道收到的申请须由“经办人”登记。';
}

/**
 * Why an actor may not answer a request on the spot (条例 第三十三条第一款), or null: it registers and
 * decides in one step, so it needs whatever registering a request handed in and deciding need.
 */
export function onTheSpotRefusal(actor: { roles: readonly string[] } | null): string | null {
  if (!actor) return '当场答复须由工作人员登录后办理。';
  return registrationRefusal(actor, 'in_person') ?? caseActionRefusal(actor, 'decide');
}

/** Whether the actor may take a case action. */
export function canTakeCaseAction(actor: { roles: readonly string[] }, action: CaseAction): boolean {
  return can(CASE_ACTION_ROLES, actor, action);
}

/** Why the actor may not take a case action, or null. */
export function caseActionRefusal(actor: { roles: readonly string[] }, action: CaseAction): string | null {
  if (canTakeCaseAction(actor, action)) return null;
  const what =
    action === 'extend' ? '延期答复须经政府信息公开工作机构负责人同意（条例第三十三条），' : '办理依申请公开';
  return roleRefusal(what, rolesNeeded(CASE_ACTION_ROLES, action));
}
