/**
 * The placeholders a template of each kind may use, with what they show (for the template editor
 * and for validateTemplate). Lists are used with `{{#each}}`; inside, `{{item}}` (a list of texts)
 * or `{{item.field}}`, and `{{index}}` (1, 2, …).
 */
import { isAnswerKind, type LetterKind } from './kinds.ts';

/** One placeholder: its path, what it shows, and how it prints. */
export interface LetterField {
  path: string;
  label: string;
  /** an ISO date, printed “2026年11月26日” */
  date?: boolean;
  /** a list for `{{#each}}`: the fields of its items, empty for a list of texts */
  items?: readonly string[];
}

const COMMON: readonly LetterField[] = [
  { path: 'agency.name', label: '本机关名称' },
  { path: 'agency.office', label: '政府信息公开工作机构' },
  { path: 'agency.address', label: '通讯地址' },
  { path: 'agency.postcode', label: '邮政编码' },
  { path: 'agency.phone', label: '联系电话' },
  { path: 'agency.contact', label: '联系人' },
  { path: 'case.registrationNo', label: '登记号' },
  { path: 'case.trackingCode', label: '查询码' },
  { path: 'case.receivedOn', label: '收到申请日期', date: true },
  { path: 'case.answerDueOn', label: '答复期限', date: true },
  { path: 'case.information', label: '申请获取的政府信息' },
  { path: 'case.form', label: '获取方式' },
  { path: 'case.oralConfirmation', label: '口头申请代为填写后申请人的确认（第二十九条第一款）' },
  { path: 'applicant.name', label: '申请人姓名或名称' },
  { path: 'issuedOn', label: '成文日期', date: true },
];

const SECTIONS = {
  receipt: [{ path: 'receipt.onTheSpot', label: '当场答复（第三十三条第一款）' }],
  correction: [
    { path: 'correction.items', label: '需要补正的事项', items: [] },
    { path: 'correction.dueOn', label: '补正期限', date: true },
  ],
  consultation: [
    { path: 'consultation.toAgency', label: '征求其他机关意见（第三十四条）' },
    { path: 'consultation.party', label: '被征求意见的第三方或机关' },
    { path: 'consultation.question', label: '征求意见的事项' },
    { path: 'consultation.replyDueOn', label: '回复期限', date: true },
    { path: 'consultation.coProducers', label: '与本机关共同制作该信息的其他机关（第三十四条）' },
  ],
  extension: [
    { path: 'extension.days', label: '延长的工作日数' },
    { path: 'extension.newDueOn', label: '延长后的答复期限', date: true },
    { path: 'extension.reason', label: '延期理由' },
  ],
  fee: [
    { path: 'fee.method', label: '计费方式' },
    { path: 'fee.standard', label: '收费标准' },
    { path: 'fee.lines', label: '计费明细', items: [] },
    { path: 'fee.amount', label: '应缴金额（元）' },
    { path: 'fee.amountInWords', label: '应缴金额（大写）' },
    { path: 'fee.payDueOn', label: '缴费期限', date: true },
    { path: 'fee.howToPay', label: '缴费方式' },
  ],
  provision: [
    { path: 'provision.inspection', label: '安排查阅、抄录（第四十条）' },
    { path: 'provision.decidedOn', label: '答复日期', date: true },
    { path: 'provision.outcomeLabel', label: '办理结果' },
    { path: 'provision.formLabel', label: '提供形式' },
    { path: 'provision.how', label: '提供方式说明' },
    { path: 'provision.reason', label: '不按申请人要求的形式提供的理由' },
    { path: 'provision.date', label: '查阅日期', date: true },
    { path: 'provision.time', label: '查阅时间' },
    { path: 'provision.place', label: '查阅地点' },
    { path: 'provision.contact', label: '联系人及联系电话' },
  ],
  answer: [
    { path: 'answer.outcomeLabel', label: '办理结果' },
    { path: 'answer.basis', label: '法律依据' },
    { path: 'answer.statement', label: '答复内容' },
    { path: 'answer.reasons', label: '理由说明' },
    { path: 'answer.delivery', label: '提供方式' },
    { path: 'answer.items', label: '逐项处理情况', items: ['description', 'outcomeLabel', 'reason'] },
    { path: 'answer.otherAgency', label: '负责公开的行政机关' },
    { path: 'remedies', label: '救济途径' },
  ],
  correction_answer: [
    { path: 'correctionAnswer.outcomeLabel', label: '更正申请的处理结果' },
    { path: 'correctionAnswer.record', label: '要求更正的政府信息记录' },
    { path: 'correctionAnswer.inaccuracy', label: '不准确的内容' },
    { path: 'correctionAnswer.statement', label: '答复内容' },
    { path: 'correctionAnswer.reason', label: '理由说明' },
    { path: 'remedies', label: '救济途径' },
  ],
} satisfies Record<string, LetterField[]>;

/** The placeholders a template of this kind may use. */
export function letterFields(kind: LetterKind): readonly LetterField[] {
  // a correction request's receipt names the common fields only (it is never answered on the spot)
  if (kind === 'correction_receipt') return COMMON;
  const section = isAnswerKind(kind) ? SECTIONS.answer : SECTIONS[kind];
  return [...COMMON, ...section];
}

/** Paths printed as dates, whatever the kind. */
export const DATE_PATHS: ReadonlySet<string> = new Set(
  [...COMMON, ...Object.values(SECTIONS).flat()].filter((f: LetterField) => f.date).map((f) => f.path),
);
