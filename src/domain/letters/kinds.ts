/**
 * The letters a disclosure office sends in a case (条例 第三十条–第三十六条, 国办函〔2020〕109号):
 * the receipt, the notices that stop or extend the clock, one answer letter per outcome group, and
 * the notice of how the information granted is provided (第四十条); for a request to correct a record
 * (条例 第四十一条) its own receipt and answer.
 */
import { OUTCOME_GROUP_LABELS, type Outcome, type OutcomeGroup, outcomeGroup } from '../report/vocabulary.ts';

/** Every letter kind, in the order a case may need them; stored as `letters.kind` and `letter_templates.kind`. */
export const LETTER_KINDS = [
  'receipt',
  'correction',
  'consultation',
  'extension',
  'fee',
  'answer.granted',
  'answer.partial',
  'answer.denied',
  'answer.unable',
  'answer.not_processed',
  'answer.other',
  'correction_receipt',
  'correction_answer',
  'provision',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
/** The answer letter of an outcome group. */
export type AnswerKind = `answer.${OutcomeGroup}`;

/** What a kind is called and which provisions it names. */
export interface LetterKindInfo {
  /** the short name in lists and file names: “补正告知书” */
  name: string;
  /** the printed title */
  title: string;
  /**
   * the provisions of 条例 (unless the text names another act) the default template names; for an
   * answer, those the bases of the group's outcomes may cite (the letter names the chosen basis's)
   */
  articles: readonly string[];
}

const ANSWER_TITLE = '政府信息公开申请答复书';
const answer = (articles: string[]): LetterKindInfo => ({ name: '答复书', title: ANSWER_TITLE, articles });

/** Each kind's name, title and provisions. */
export const LETTER_KIND_INFO: Record<LetterKind, LetterKindInfo> = {
  receipt: {
    name: '登记回执',
    title: '政府信息公开申请登记回执',
    articles: ['第二十九条', '第三十一条', '第三十三条'],
  },
  correction: {
    name: '补正告知书',
    title: '政府信息公开申请补正告知书',
    articles: ['第二十九条', '第三十条'],
  },
  consultation: {
    name: '征求意见函',
    title: '政府信息公开第三方意见征询函',
    articles: ['第三十二条', '第三十四条'],
  },
  extension: { name: '延期答复告知书', title: '政府信息公开申请延期答复告知书', articles: ['第三十三条'] },
  fee: {
    name: '收费通知书',
    title: '政府信息公开信息处理费收费通知书',
    articles: ['第四十二条', '国办函〔2020〕109号'],
  },
  'answer.granted': answer(['第三十六条']),
  'answer.partial': answer(['第三十七条']),
  'answer.denied': answer(['第十四条', '第十五条', '第十六条', '第三十二条', '第三十六条']),
  'answer.unable': answer(['第二十九条', '第三十条', '第三十六条', '第三十八条']),
  'answer.not_processed': answer(['第二条', '第三十五条', '第三十六条', '第三十八条', '第三十九条']),
  'answer.other': answer(['第三十条', '第四十二条']),
  // 条例 第四十一条: a request to correct a record about the applicant, not a 政府信息公开申请
  correction_receipt: {
    name: '更正申请登记回执',
    title: '政府信息更正申请登记回执',
    articles: ['第四十一条'],
  },
  correction_answer: {
    name: '更正申请答复书',
    title: '政府信息更正申请答复书',
    articles: ['第四十一条'],
  },
  provision: { name: '提供方式告知书', title: '政府信息提供方式告知书', articles: ['第四十条'] },
};

/** The title of a consultation of another agency (第三十四条) rather than a third party (第三十二条). */
export const AGENCY_CONSULTATION_TITLE = '政府信息公开征求意见函';

/** The title of a provision by 查阅、抄录 (条例 第四十条) rather than in a form. */
export const INSPECTION_TITLE = '政府信息查阅、抄录通知书';

/** Whether a text names a letter kind (a stored template's kind, a route parameter). */
export function isLetterKind(text: string): text is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(text);
}

/** Whether a kind is an answer letter (答复书). */
export function isAnswerKind(kind: LetterKind): kind is AnswerKind {
  return kind.startsWith('answer.');
}

/** The answer letter an outcome is written in: 'denied.state_secret' → 'answer.denied'. */
export function answerKind(outcome: Outcome): AnswerKind {
  return `answer.${outcomeGroup(outcome)}`;
}

/** How a kind is listed to staff: “补正告知书”, “答复书（不予公开）”. */
export function letterKindLabel(kind: LetterKind): string {
  if (!isAnswerKind(kind)) return LETTER_KIND_INFO[kind].name;
  const group = kind.slice('answer.'.length) as OutcomeGroup;
  return `答复书（${OUTCOME_GROUP_LABELS[group]}）`;
}
