/**
 * The states of a disclosure request and the actions that move it (条例 第三十条–第三十五条,
 * 109号). Pure: which action is allowed from which state, and where it leads. Time rules (the
 * 7-day window for 补正, the extension before the due date, lapsed waits) are the clock's.
 */
import { providesInformation } from './provision.ts';
import type { RequestKind } from './record-correction.ts';

export const CASE_STATES = [
  'open',
  'awaiting_correction',
  'in_consultation',
  'awaiting_fee',
  'awaiting_reasons',
  'decided',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  open: '办理中',
  awaiting_correction: '待补正',
  in_consultation: '征求意见中',
  awaiting_fee: '待缴费',
  awaiting_reasons: '待说明理由',
  decided: '已办结',
};

export const CASE_ACTIONS = [
  'request_correction',
  'receive_correction',
  'close_correction_lapsed',
  'send_consultation',
  'receive_consultation_reply',
  'extend',
  'send_fee_notice',
  'record_fee_payment',
  'close_fee_lapsed',
  'request_reasons',
  'set_later_date',
  'decide',
  'decide_correction',
  'record_provision',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  request_correction: '发出补正告知',
  receive_correction: '收到补正材料',
  close_correction_lapsed: '逾期未补正，终止办理',
  send_consultation: '发出征求意见函',
  receive_consultation_reply: '收到征求意见回复',
  extend: '延期答复',
  send_fee_notice: '发出收费通知',
  record_fee_payment: '登记缴费',
  close_fee_lapsed: '逾期未缴费，终止办理',
  request_reasons: '要求说明理由（第三十五条）',
  set_later_date: '确定延后答复期限（第三十五条）',
  decide: '作出答复',
  decide_correction: '答复更正申请（第四十一条）',
  record_provision: '告知提供方式（第四十条）',
};

interface Transition {
  from: readonly CaseState[];
  to: CaseState | 'same';
  /** the article that allows it, for messages and letters */
  basis: string;
}

/** Every allowed move. Anything not listed is refused. */
export const TRANSITIONS: Record<CaseAction, Transition> = {
  request_correction: { from: ['open'], to: 'awaiting_correction', basis: '条例第三十条' },
  receive_correction: { from: ['awaiting_correction'], to: 'open', basis: '条例第三十条' },
  close_correction_lapsed: { from: ['awaiting_correction'], to: 'decided', basis: '条例第三十条' },
  send_consultation: { from: ['open'], to: 'in_consultation', basis: '条例第三十二条、第三十四条' },
  receive_consultation_reply: { from: ['in_consultation'], to: 'open', basis: '条例第三十二条、第三十四条' },
  extend: { from: ['open', 'in_consultation'], to: 'same', basis: '条例第三十三条' },
  send_fee_notice: { from: ['open'], to: 'awaiting_fee', basis: '国办函〔2020〕109号' },
  record_fee_payment: { from: ['awaiting_fee'], to: 'open', basis: '国办函〔2020〕109号' },
  close_fee_lapsed: { from: ['awaiting_fee'], to: 'decided', basis: '国办函〔2020〕109号' },
  request_reasons: { from: ['open'], to: 'awaiting_reasons', basis: '条例第三十五条' },
  set_later_date: { from: ['awaiting_reasons'], to: 'open', basis: '条例第三十五条' },
  decide: { from: ['open', 'in_consultation', 'awaiting_reasons'], to: 'decided', basis: '条例第三十六条' },
  decide_correction: { from: ['open'], to: 'decided', basis: '条例第四十一条' },
  // 条例 第四十条: how information granted is provided (its outcome is checked: provision.ts)
  record_provision: { from: ['decided'], to: 'same', basis: '条例第四十条' },
};

export type TransitionResult = { ok: true; to: CaseState } | { ok: false; message: string };

/** Where an action leads from a state, or why it is refused (a Chinese sentence). */
export function transition(state: CaseState, action: CaseAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) {
    const allowed = rule.from.map((s) => `“${CASE_STATE_LABELS[s]}”`).join('或');
    return {
      ok: false,
      message: `该申请当前为“${CASE_STATE_LABELS[state]}”，不能${CASE_ACTION_LABELS[action]}；只有${allowed}的申请可以。`,
    };
  }
  return { ok: true, to: rule.to === 'same' ? state : rule.to };
}

/**
 * Why an action does not fit the request's kind, or null. 条例 第三十条–第三十六条 speak of the
 * 政府信息公开申请: 补正, 征求意见, 延期, 收费, 第三十五条 and the 21 outcomes are not for a correction
 * request, which has its own decision (第四十一条, `decide_correction`); that decision is not for a
 * disclosure request. Nor is 第四十条's 告知提供方式 — 条例 第四十条：“行政机关依申请公开政府信息，应当根据申请人的
 * 要求及行政机关保存政府信息的实际情况，确定提供政府信息的具体形式……” — a correction answer provides no information.
 */
export function kindRefusal(kind: RequestKind, action: CaseAction): string | null {
  if (kind === 'disclosure')
    return action === 'decide_correction'
      ? '该申请是政府信息公开申请，不能按更正申请（条例第四十一条）答复；请使用“作出答复”，选择条例第三十六条规定的办理结果。'
      : null;
  if (action === 'decide_correction') return null;
  if (action === 'decide')
    return '该申请是更正申请（条例第四十一条），不是政府信息公开申请，不能选择政府信息公开申请的办理结果；请使用“答复更正申请”（予以更正、转送、告知向有权机关提出或不予更正）。';
  if (action === 'record_provision')
    return '该申请是更正申请（条例第四十一条），不能告知提供方式：条例第四十条是依申请公开政府信息时提供信息的形式，更正申请的答复不向申请人提供政府信息。';
  return `该申请是更正申请（条例第四十一条），不能${CASE_ACTION_LABELS[action]}：补正、征求意见、延期、收费和第三十五条的程序只适用于政府信息公开申请（条例第三十条至第三十五条）。`;
}

/** What beyond its state decides the actions a case offers. */
export interface CaseFacts {
  /** disclosure (default) or record_correction (条例 第四十一条): kindRefusal */
  kind?: RequestKind;
  /** a decided case's outcome and legal basis: 告知提供方式 only when the answer provides information */
  outcome?: string | null;
  basis?: string | null;
}

/**
 * The actions a case of this kind in this state allows (what the case page offers); with its outcome, a
 * decided case offers 告知提供方式 only when the answer provides information (条例 第四十条, provision.ts).
 */
export function allowedActions(state: CaseState, facts: CaseFacts = {}): CaseAction[] {
  const { kind = 'disclosure', outcome = null, basis = null } = facts;
  return CASE_ACTIONS.filter(
    (action) =>
      TRANSITIONS[action].from.includes(state) &&
      !kindRefusal(kind, action) &&
      (action !== 'record_provision' || providesInformation(outcome, basis)),
  );
}
