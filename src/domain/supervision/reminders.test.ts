import { describe, expect, it } from 'vitest';
import {
  type ReminderInput,
  reminderOverdue,
  reminderProblems,
  reminderTransition,
  textProblem,
} from './reminders.ts';

const TODAY = '2026-12-07';
const OK: ReminderInput = {
  subject: 'request',
  subjectLabel: '临港依申请〔2026〕1号',
  message: '请于期限内答复。',
  dueOn: '2026-12-20',
};

describe('reminderProblems', () => {
  it.each([
    ['a whole reminder', {}, []],
    ['due today', { dueOn: TODAY }, []],
    ['no message', { message: '  ' }, ['message']],
    ['a day past', { dueOn: '2026-12-06' }, ['dueOn']],
    ['not a date', { dueOn: '2026-02-30' }, ['dueOn']],
    ['an unknown subject', { subject: 'budget' }, ['subject']],
    ['a long label', { subjectLabel: '长'.repeat(201) }, ['subjectLabel']],
  ] as const)('%s', (_name, change, fields) => {
    const problems = reminderProblems({ ...OK, ...change } as ReminderInput, TODAY);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.message).toMatch(/\p{Script=Han}/u);
  });
});

describe('reminderTransition', () => {
  it.each([
    ['open', 'answer', 'answered'],
    ['answered', 'close', 'closed'],
    ['answered', 'reopen', 'open'],
    ['open', 'close', null],
    ['closed', 'answer', null],
    ['closed', 'reopen', null],
  ] as const)('%s → %s', (state, action, next) => {
    const step = reminderTransition(state, action);
    if (next) expect(step).toEqual({ next });
    else expect(step).toHaveProperty('refusal');
  });
});

describe('reminderOverdue and textProblem', () => {
  it('is overdue only while open past the day', () => {
    expect(reminderOverdue({ state: 'open', dueOn: '2026-12-06' }, TODAY)).toBe(true);
    expect(reminderOverdue({ state: 'open', dueOn: TODAY }, TODAY)).toBe(false);
    expect(reminderOverdue({ state: 'answered', dueOn: '2026-12-01' }, TODAY)).toBe(false);
  });
  it('names the missing text', () => {
    expect(textProblem('text', '退回理由', '')?.message).toBe('请填写退回理由。');
    expect(textProblem('text', '退回理由', '理由')).toBeNull();
  });
});
