/**
 * Requests to correct records about the applicant (更正申请), and their own outcomes. Pure.
 *
 * 条例 第四十一条：“公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府信息记录不准确的，可以要求
 * 行政机关更正。有权更正的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政机关可以
 * 转送有权更正的行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。”
 *
 * A correction request is not a 政府信息公开申请: it has none of the 21 outcomes of table 三, and
 * the 条例 sets it no answer period (第三十三条 is about “政府信息公开申请”). Its four outcomes:
 * 予以更正 (审核属实), 转送有权更正的机关 (告知申请人), 告知向有权更正的机关提出, 不予更正 (审核不属实 or
 * 证据不足: the article only says “审核属实的，应当予以更正”, so a refusal states its reason).
 */
import { asClause } from '../letters/punctuation.ts';

/** A problem of one field: its path in the body, and what to do, in Chinese. */
export interface CorrectionProblem {
  field: string;
  message: string;
}

/** 条例 第四十一条, verbatim from docs/law.md (quoted by the letters and shown to staff). */
export const ARTICLE_41 =
  '公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府信息记录不准确的，可以要求行政机关更正。' +
  '有权更正的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政机关可以转送有权更正的' +
  '行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。';

/** What a request asks: disclosure (第二十九条) or the correction of a record (第四十一条). */
export const REQUEST_KINDS = ['disclosure', 'record_correction'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  disclosure: '政府信息公开申请',
  record_correction: '更正申请（条例第四十一条）',
};

/** Whether a stored text names a request kind. */
export function isRequestKind(text: string): text is RequestKind {
  return (REQUEST_KINDS as readonly string[]).includes(text);
}

/** What a correction request states (第四十一条 “有证据证明……政府信息记录不准确”). */
export interface CorrectionRequest {
  /** the government information record about the applicant to correct */
  record: string;
  /** what in it is inaccurate, and what it should say */
  inaccuracy: string;
  /** the evidence offered (files may be attached to the case as well) */
  evidence: string;
}

const LIMITS: Record<keyof CorrectionRequest, [label: string, max: number, hint: string]> = {
  record: [
    '要求更正的政府信息记录',
    500,
    '请写明要求更正的政府信息记录（名称、文号或其他能确定该记录的描述）',
  ],
  inaccuracy: ['不准确的内容', 2000, '请写明该记录中哪些内容不准确，以及应当如何更正'],
  evidence: [
    '提供的证据',
    2000,
    '请写明申请人提供的证明该记录不准确的证据（条例第四十一条：“有证据证明”）；证据文件可登记后作为附件上传',
  ],
};

const trimmed = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The problems of a correction request's own fields, each naming the field in Chinese; empty when complete. */
export function correctionRequestProblems(
  input: Partial<Record<keyof CorrectionRequest, unknown>>,
): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  for (const key of Object.keys(LIMITS) as Array<keyof CorrectionRequest>) {
    const [label, max, hint] = LIMITS[key];
    const value = trimmed(input[key]);
    if (value === '') problems.push({ field: `correction.${key}`, message: hint });
    else if (value.length > max)
      problems.push({ field: `correction.${key}`, message: `${label}不能超过${max}个字` });
  }
  return problems;
}

/** The outcomes of a correction request (第四十一条). */
export const CORRECTION_OUTCOMES = ['corrected', 'transferred', 'referred', 'refused'] as const;
export type CorrectionOutcome = (typeof CORRECTION_OUTCOMES)[number];

export const CORRECTION_OUTCOME_LABELS: Record<CorrectionOutcome, string> = {
  corrected: '予以更正',
  transferred: '转送有权更正的机关',
  referred: '告知向有权更正的机关提出',
  refused: '不予更正',
};

export function isCorrectionOutcome(text: string): text is CorrectionOutcome {
  return (CORRECTION_OUTCOMES as readonly string[]).includes(text);
}

/** Why a correction is refused: the facts were checked and are not as claimed, or the evidence does not show it. */
export const REFUSAL_GROUNDS = ['not_verified', 'insufficient_evidence'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REFUSAL_GROUND_LABELS: Record<RefusalGround, string> = {
  not_verified: '经审核，该政府信息记录并无不准确之处（审核不属实）',
  insufficient_evidence: '申请人提供的证据不足以证明该政府信息记录不准确（证据不足）',
};

/** A decision on a correction request, as staff enter it. */
export interface CorrectionDecision {
  outcome: CorrectionOutcome;
  /** 予以更正: what was corrected, and how the record reads now */
  corrected?: string;
  /** 转送 / 告知: the agency with the power to correct (有权更正的行政机关) */
  agency?: string;
  /** 告知向……提出: how to reach that agency (optional) */
  contact?: string;
  /** 不予更正: the ground */
  ground?: RefusalGround;
  /** 不予更正: the reason (required); otherwise an optional explanation */
  reason?: string;
}

/** One field a decision needs, for the API's message, the console's dialog and the CLI. */
export interface CorrectionField {
  field: 'corrected' | 'agency' | 'contact' | 'ground' | 'reason';
  label: string;
  required: boolean;
}

/** The fields each outcome takes (required ones are refused when empty). */
export const CORRECTION_FIELDS: Record<CorrectionOutcome, readonly CorrectionField[]> = {
  corrected: [
    { field: 'corrected', label: '更正的内容（更正后该记录如何记载）', required: true },
    { field: 'reason', label: '说明', required: false },
  ],
  transferred: [
    { field: 'agency', label: '有权更正的行政机关', required: true },
    { field: 'reason', label: '不属于本机关职能范围的说明', required: false },
  ],
  referred: [
    { field: 'agency', label: '有权更正的行政机关', required: true },
    { field: 'contact', label: '该机关的联系方式', required: false },
    { field: 'reason', label: '不属于本机关职能范围的说明', required: false },
  ],
  refused: [
    { field: 'ground', label: '不予更正的依据（审核不属实或证据不足）', required: true },
    { field: 'reason', label: '不予更正的理由', required: true },
  ],
};

/** The fields a decision lacks, each with its Chinese message; empty when complete. */
export function correctionDecisionProblems(decision: CorrectionDecision): CorrectionProblem[] {
  return CORRECTION_FIELDS[decision.outcome]
    .filter((f) => f.required && trimmed(decision[f.field]) === '')
    .map((f) => ({
      field: f.field,
      message:
        decision.outcome === 'refused' && f.field === 'reason'
          ? '请填写“不予更正的理由”：条例第四十一条只规定“审核属实的，应当予以更正”，不予更正须向申请人说明理由'
          : `请填写“${f.label}”`,
    }));
}

/** A staff text set inside the statement: trimmed, its closing punctuation dropped. */
const clause = (text: string | undefined): string => asClause(text ?? '');

/**
 * The statement of a correction answer (更正申请答复书), worded from 第四十一条's own terms; the
 * decision is assumed complete (correctionDecisionProblems is empty).
 */
export function correctionStatement(decision: CorrectionDecision): string {
  switch (decision.outcome) {
    case 'corrected':
      return `经审核，您提出的更正申请属实，本机关已予以更正：${clause(decision.corrected)}。`;
    case 'transferred':
      return (
        '经审查，您要求更正的政府信息记录不属于本机关职能范围，' +
        `本机关已将您的更正申请转送有权更正的行政机关${clause(decision.agency)}处理。`
      );
    case 'referred': {
      const contact = clause(decision.contact);
      return (
        '经审查，您要求更正的政府信息记录不属于本机关职能范围，' +
        `请您向有权更正的行政机关${clause(decision.agency)}${contact ? `（联系方式：${contact}）` : ''}提出。`
      );
    }
    case 'refused': {
      const ground =
        decision.ground === 'insufficient_evidence'
          ? '经审核，您提供的证据不足以证明该政府信息记录不准确'
          : '经审核，该政府信息记录并无您所称的不准确之处';
      return `${ground}，本机关不予更正。`;
    }
  }
}
