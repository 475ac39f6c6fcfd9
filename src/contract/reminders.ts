/** 督办 (docs/supervision.md): a supervisor's reminder to an agency below them, and its answer. */
import { z } from 'zod';
import { REMINDER_STATES, REMINDER_SUBJECTS } from '../domain/supervision/reminders.ts';

export const reminderSchema = z.object({
  id: z.number().int(),
  agency: z.object({ code: z.string(), name: z.string() }).describe('the agency reminded'),
  from: z.object({ code: z.string(), name: z.string() }).describe('the supervising office'),
  subject: z.enum(REMINDER_SUBJECTS),
  subjectLabel: z.string(),
  message: z.string(),
  dueOn: z.string(),
  state: z.enum(REMINDER_STATES),
  stateLabel: z.string(),
  overdue: z.boolean().describe('open past its deadline'),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});

export const reminderListSchema = z.object({ reminders: z.array(reminderSchema) });

export const newReminderBody = z.object({
  subject: z
    .enum(REMINDER_SUBJECTS, { error: '督办事项的类别应为 general、request、item 或 report' })
    .default('general'),
  subjectLabel: z
    .string({ error: '督办对象应为文字' })
    .max(200, { error: '督办对象最长200个字符' })
    .default(''),
  message: z.string({ error: '请填写督办内容' }),
  dueOn: z.string({ error: '请填写办理期限（日期，如 2026-12-31）' }),
});

export const reminderStepBody = z.object({
  text: z.string({ error: '内容应为文字' }).optional(),
  expectedVersion: z.number({ error: '请提供督办事项的版本号（expectedVersion）' }).int(),
});

export type Reminder = z.infer<typeof reminderSchema>;
export type NewReminder = z.input<typeof newReminderBody>;
