/**
 * 督办: a supervisor's reminder to an agency below them, with a deadline, tracked until answered
 * (issue 15, docs/supervision.md). 条例 第四十七条第一款：“政府信息公开工作主管部门应当加强对政府信息
 * 公开工作的日常指导和监督检查，对行政机关未按照要求开展政府信息公开工作的，予以督促整改或者通报批评”.
 *
 * A reminder is `open` until the agency answers it (`answered`: what it did), and the supervisor
 * then closes it (`closed`: 办结) or sends it back (`open` again, with why). Pure: the states, the
 * fields' checks with Chinese messages, whether it is overdue on a day.
 */
export const REMINDER_STATES = ['open', 'answered', 'closed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

export const REMINDER_STATE_LABELS: Record<ReminderState, string> = {
  open: '待答复',
  answered: '已答复，待办结',
  closed: '已办结',
};

/** What a reminder is about: a request case, an item, a year's report, or the agency's work in general. */
export const REMINDER_SUBJECTS = ['general', 'request', 'item', 'report'] as const;
export type ReminderSubject = (typeof REMINDER_SUBJECTS)[number];

export const REMINDER_SUBJECT_LABELS: Record<ReminderSubject, string> = {
  general: '政务公开工作',
  request: '依申请公开办理',
  item: '主动公开信息',
  report: '年度报告',
};

export const MAX_REMINDER_TEXT = 2000;

/** A field's refusal: its Chinese name in the message. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What a supervisor sends. */
export interface ReminderInput {
  subject: ReminderSubject;
  /** what it is about, as people read it (“临港依申请〔2026〕1号”, “2025年度报告”) */
  subjectLabel: string;
  message: string;
  dueOn: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(day: string): boolean {
  if (!ISO_DAY.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The problems of a reminder to send on `today` (none: it may be sent). */
export function reminderProblems(input: ReminderInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!REMINDER_SUBJECTS.includes(input.subject))
    problems.push({
      field: 'subject',
      message: '督办事项的类别应为政务公开工作、依申请公开办理、主动公开信息或年度报告。',
    });
  if (input.subjectLabel.trim().length > 200)
    problems.push({
      field: 'subjectLabel',
      message: '督办对象最长200个字符，请写明申请登记号、信息标题或报告年度。',
    });
  if (input.message.trim() === '')
    problems.push({ field: 'message', message: '请填写督办内容：需要该机关整改或说明的事项。' });
  else if (input.message.length > MAX_REMINDER_TEXT)
    problems.push({ field: 'message', message: `督办内容最长${MAX_REMINDER_TEXT}个字符。` });
  if (!validDay(input.dueOn))
    problems.push({ field: 'dueOn', message: '请填写办理期限（日期，如 2026-12-31）。' });
  else if (input.dueOn < today)
    problems.push({ field: 'dueOn', message: `办理期限不能早于今天（${today}）。` });
  return problems;
}

/** Why an answer (or a return, `field` note) cannot be taken: the text missing or too long; null when fine. */
export function textProblem(field: string, label: string, text: string): FieldProblem | null {
  if (text.trim() === '') return { field, message: `请填写${label}。` };
  if (text.length > MAX_REMINDER_TEXT) return { field, message: `${label}最长${MAX_REMINDER_TEXT}个字符。` };
  return null;
}

export type ReminderAction = 'answer' | 'close' | 'reopen';

/** The state an action leads to, or the refusal in Chinese. */
export function reminderTransition(
  state: ReminderState,
  action: ReminderAction,
): { next: ReminderState } | { refusal: string } {
  if (action === 'answer')
    return state === 'open' ? { next: 'answered' } : { refusal: '该督办事项已答复或已办结，无需再次答复。' };
  if (state !== 'answered')
    return { refusal: state === 'open' ? '该督办事项尚未答复，不能办结或退回。' : '该督办事项已办结。' };
  return { next: action === 'close' ? 'closed' : 'open' };
}

/** Whether a reminder is past its deadline on `today` without an answer. */
export function reminderOverdue(reminder: { state: ReminderState; dueOn: string }, today: string): boolean {
  return reminder.state === 'open' && reminder.dueOn < today;
}
