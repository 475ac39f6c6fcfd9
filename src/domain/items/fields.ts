/**
 * The descriptive fields of an item (what the catalogue shows) and their checks. Pure: every
 * problem as a field and a Chinese sentence that says what to do.
 */
import { isIsoDate } from '../dates.ts';
import {
  ITEM_VALIDITIES,
  type ItemValidity,
  isStatutoryCategory,
  type StatutoryCategory,
} from './categories.ts';

export interface ItemFields {
  title: string;
  /** rich text, sanitized before it is stored */
  bodyHtml: string;
  category: StatutoryCategory;
  /** the agency's own sub-column of the catalogue (法定主动公开目录), within the category */
  columnCode: string | null;
  /** 发文机关 */
  issuer: string;
  /** 文号, e.g. 威临管发〔2021〕3号 */
  docNumber: string | null;
  /** 成文日期 */
  formedOn: string;
  validity: ItemValidity;
  /** 主题分类 */
  subject: string;
  /** 政策文件 */
  isPolicyDocument: boolean;
  /** 解读材料 */
  isInterpretation: boolean;
  /** 会议 (the report counts meetings opened to the public) */
  isMeeting: boolean;
  /** 在线访谈 */
  isOnlineInterview: boolean;
}

export const ITEM_FIELD_NAMES = [
  'title',
  'bodyHtml',
  'category',
  'columnCode',
  'issuer',
  'docNumber',
  'formedOn',
  'validity',
  'subject',
  'isPolicyDocument',
  'isInterpretation',
  'isMeeting',
  'isOnlineInterview',
] as const satisfies ReadonlyArray<keyof ItemFields>;

export interface FieldProblem {
  field: string;
  message: string;
}

const MAX_TITLE = 500;
const MAX_BODY = 2_000_000;

/** Every problem of the fields, given today (a formed date may not be in the future). */
export function itemFieldProblems(fields: ItemFields, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const title = fields.title.trim();
  if (!title) add('title', '请填写标题。');
  else if (title.length > MAX_TITLE) add('title', `标题最长 ${MAX_TITLE} 个字。`);
  if (fields.bodyHtml.length > MAX_BODY) add('bodyHtml', '正文过长，请将内容作为附件上传。');
  if (!isStatutoryCategory(fields.category)) {
    add('category', '法定类别应为第二十条（一）至（十五）（a20.1–a20.15）或 other。');
  }
  if (!isIsoDate(fields.formedOn)) add('formedOn', `成文日期“${fields.formedOn}”无效，请写成 YYYY-MM-DD。`);
  else if (fields.formedOn > today) add('formedOn', `成文日期 ${fields.formedOn} 不能晚于今天。`);
  if (!(ITEM_VALIDITIES as readonly string[]).includes(fields.validity)) {
    add('validity', '有效性应为 valid（有效）、expired（失效）或 repealed（废止）。');
  }
  if (fields.isPolicyDocument && fields.isInterpretation) {
    add('isInterpretation', '一条信息不能既是政策文件又是解读材料；解读材料请单独起草并与政策文件关联。');
  }
  return problems;
}

/** The fields that differ, each as before → after (what an edit event records). */
export function changedFields(
  before: ItemFields,
  after: ItemFields,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const name of ITEM_FIELD_NAMES) {
    if (before[name] !== after[name]) changes[name] = { before: before[name], after: after[name] };
  }
  return changes;
}
