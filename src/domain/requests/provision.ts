/**
 * How information granted on request is provided (条例 第四十条): in the form the applicant asked
 * for, in another form, or by arranging for them to inspect and copy it (查阅、抄录). Pure: which
 * decided cases it applies to, when a reason is needed, the 查阅 day on the calendar, and the
 * letter's section.
 *
 * 条例 第四十条：“行政机关依申请公开政府信息，应当根据申请人的要求及行政机关保存政府信息的实际情况，
 * 确定提供政府信息的具体形式；按照申请人要求的形式提供政府信息，可能危及政府信息载体安全或者公开成本过高
 * 的，可以通过电子数据以及其他适当形式提供，或者安排申请人查阅、抄录相关政府信息。”
 */
import { isIsoDate } from '../dates.ts';
import { OUTCOME_GROUP_LABELS, OUTCOMES, type Outcome, outcomeGroup } from '../report/vocabulary.ts';
import type { InformationForm } from './applicant.ts';

/** A problem of a provision: its field (a payload key) and what to do, in Chinese. */
export interface ProvisionProblem {
  field: string;
  message: string;
}

/** How the information is provided: a form, or 查阅、抄录 at the agency. */
export const PROVISION_METHODS = ['paper', 'electronic', 'other', 'inspection'] as const;
export type ProvisionMethod = (typeof PROVISION_METHODS)[number];

/** 条例 第四十条's words: “电子数据以及其他适当形式”, “查阅、抄录”. */
export const PROVISION_METHOD_LABELS: Record<ProvisionMethod, string> = {
  paper: '纸质',
  electronic: '电子数据',
  other: '其他适当形式',
  inspection: '查阅、抄录',
};

/** Why the form asked for is not used, in 第四十条's words. */
export const PROVISION_REASONS = ['carrier_safety', 'cost_too_high'] as const;
export type ProvisionReason = (typeof PROVISION_REASONS)[number];

export const PROVISION_REASON_LABELS: Record<ProvisionReason, string> = {
  // 条例 第四十条：“……可能危及政府信息载体安全或者公开成本过高的……”
  carrier_safety: '可能危及政府信息载体安全',
  cost_too_high: '公开成本过高',
};

/** The outcomes whose answer provides information: 予以公开 and 部分公开, as a letter names them. */
const PROVIDING_LABELS: Partial<Record<Outcome, string>> = { granted: '予以公开', partial: '部分公开' };
export const PROVIDING_OUTCOMES = Object.keys(PROVIDING_LABELS) as Outcome[];

/**
 * 条例 第三十六条第（一）项：“所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径”: a 予以公开
 * on this basis points to where the information is published; the agency provides nothing itself.
 */
const POINTS_ELSEWHERE = 'a36.1';

/**
 * Whether a case's answer provides information (第四十条 applies), so its provision may be recorded:
 * 予以公开 or 部分公开, not on 第三十六条第（一）项.
 */
export function providesInformation(outcome: string | null, basis: string | null = null): boolean {
  return PROVIDING_OUTCOMES.includes(outcome as Outcome) && basis !== POINTS_ELSEWHERE;
}

/** Why the provision of a decided case may not be recorded (its answer provides nothing), or null. */
export function provisionRefusal(outcome: string | null, basis: string | null = null): string | null {
  if (providesInformation(outcome, basis)) return null;
  if (basis === POINTS_ELSEWHERE && PROVIDING_OUTCOMES.includes(outcome as Outcome))
    return '该申请依条例第三十六条第（一）项答复（信息已主动公开，已告知获取的方式、途径），本机关不另行提供，不能告知提供方式（条例第四十条）。';
  const known = (OUTCOMES as readonly string[]).includes(outcome ?? '');
  const label = known
    ? `的办理结果为“${OUTCOME_GROUP_LABELS[outcomeGroup(outcome as Outcome)]}”`
    : '尚未作出提供信息的答复';
  return `该申请${label}，没有向申请人提供政府信息，不能告知提供方式（条例第四十条）；只有“予以公开”或“部分公开”的申请可以。`;
}

/** The form each requested form is provided in when the agency follows the request. */
const AS_REQUESTED: Record<InformationForm, ProvisionMethod> = {
  paper: 'paper',
  email: 'electronic',
  disc: 'electronic',
  on_site: 'inspection',
  other: 'other',
};

/**
 * Whether providing by `method` departs from the form the applicant asked for (条例 第四十条: then
 * only because the asked form “可能危及政府信息载体安全或者公开成本过高”). An unknown request counts as
 * departed from, so the reason is asked.
 */
export function departsFromRequest(requested: string | null, method: ProvisionMethod): boolean {
  const followed = AS_REQUESTED[requested as InformationForm];
  return followed === undefined || followed !== method;
}

/** What staff record: the method and, as it needs, the reason, how, and the 查阅 arrangement. */
export interface ProvisionInput {
  method: ProvisionMethod;
  reason?: ProvisionReason;
  /** how it is provided (a form): “随本告知书附送复印件12页”, “已发送至申请人电子邮箱” */
  how?: string;
  /** the other form's name (method `other`) */
  otherForm?: string;
  /** 查阅、抄录: the day, the time, the place and whom to contact */
  date?: string;
  time?: string;
  place?: string;
  contact?: string;
}

/** What the checks need of the case and the calendar. */
export interface ProvisionContext {
  /** the form the applicant asked for (INFORMATION_FORMS) */
  requestedForm: string | null;
  today: string;
  isWorkingDay(date: string): boolean;
}

const blank = (text: string | undefined): boolean => !text || text.trim() === '';

/**
 * The problems of a provision, each naming its field in Chinese and saying what to do; none when
 * it may be recorded. A departure from the form asked for needs its reason (第四十条); 查阅 needs a
 * working day not before today, a time, a place and a contact.
 */
export function provisionProblems(input: ProvisionInput, context: ProvisionContext): ProvisionProblem[] {
  const problems: ProvisionProblem[] = [];
  if (departsFromRequest(context.requestedForm, input.method) && !input.reason)
    problems.push({
      field: 'reason',
      message:
        '请选择“不按申请人要求的形式提供的理由”：条例第四十条只允许在按申请人要求的形式提供可能危及政府信息载体安全或者公开成本过高时，以其他形式提供或者安排查阅、抄录',
    });
  if (input.method !== 'inspection') {
    if (blank(input.how))
      problems.push({ field: 'how', message: '请填写“提供方式说明”（如：随本告知书附送复印件，共12页）' });
    if (input.method === 'other' && blank(input.otherForm))
      problems.push({ field: 'otherForm', message: '请写明“其他适当形式”是什么形式' });
    return problems;
  }
  const date = input.date ?? '';
  if (!isIsoDate(date))
    problems.push({ field: 'date', message: '请填写“查阅日期”（YYYY-MM-DD 格式的日期）' });
  else if (date < context.today)
    problems.push({ field: 'date', message: `查阅日期 ${date} 早于今天，请选择今天或以后的工作日` });
  else if (!context.isWorkingDay(date))
    problems.push({ field: 'date', message: `查阅日期 ${date} 不是工作日，请选择工作日（以工作日历为准）` });
  if (blank(input.time)) problems.push({ field: 'time', message: '请填写“查阅时间”（如：上午9:00至11:30）' });
  if (blank(input.place)) problems.push({ field: 'place', message: '请填写“查阅地点”' });
  if (blank(input.contact)) problems.push({ field: 'contact', message: '请填写“联系人及联系电话”' });
  return problems;
}

/** The 提供方式告知书's section (letters/letter-data.ts ProvisionSection). */
export interface ProvisionLetterSection {
  /** 查阅、抄录 rather than a form */
  inspection: boolean;
  /** the date of the answer (答复书) */
  decidedOn: string;
  /** “予以公开”, “部分公开” */
  outcomeLabel: string;
  /** the form it is provided in: “纸质”, “电子数据”, the other form's name */
  formLabel?: string;
  how?: string;
  /** why the form asked for is not used, in 第四十条's words */
  reason?: string;
  date?: string;
  time?: string;
  place?: string;
  contact?: string;
}

/** The letter's section of a provision that passed provisionProblems. */
export function provisionSection(
  input: ProvisionInput,
  decided: { decidedOn: string; outcome: Outcome },
): ProvisionLetterSection {
  const reason = input.reason ? PROVISION_REASON_LABELS[input.reason] : undefined;
  const common = {
    decidedOn: decided.decidedOn,
    outcomeLabel: PROVIDING_LABELS[decided.outcome] ?? '',
    reason,
  };
  if (input.method === 'inspection')
    return {
      ...common,
      inspection: true,
      date: input.date,
      time: input.time?.trim(),
      place: input.place?.trim(),
      contact: input.contact?.trim(),
    };
  const formLabel =
    input.method === 'other' ? input.otherForm?.trim() : PROVISION_METHOD_LABELS[input.method];
  return { ...common, inspection: false, formLabel, how: input.how?.trim() };
}
