/** The calendar routes' contract: the year as read, overrides and notices (docs/calendar.md). */

import { z } from 'zod';
import { decimal } from './common.ts';

export const isoDate = z
  .string({ error: '请填写“日期”，写成 YYYY-MM-DD，如 2027-01-05' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '“日期”应写成 YYYY-MM-DD，如 2027-01-05' });
const dateList = z.array(z.string());

export const overrideBody = z.object({
  date: isoDate.describe('the date, YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday'], { error: '“调整为”应为 holiday（放假）或 workday（上班）' }),
  source: z
    .string({ error: '请填写“依据”：调整所依据的通知（文号）' })
    .min(1, { error: '请填写“依据”：调整所依据的通知（文号）' })
    .max(200, { error: '“依据”最长 200 个字，请精简' })
    .describe('the document it comes from, e.g. 某府办发〔2026〕1号'),
});

export const noticeBody = z
  .looseObject({
    year: z.unknown().describe('the year the notice arranges, 2000–2100'),
    documentNumber: z.unknown().describe('the notice’s 文号, e.g. 国办发明电〔2026〕7号'),
    title: z.unknown().optional().describe('optional'),
    holidays: z.unknown().describe('every day off (YYYY-MM-DD), weekend days inside a block included'),
    workdays: z.unknown().describe('the weekend days worked (调休), [] when none'),
  })
  .describe('one year’s State Council holiday notice; checked field by field, unknown fields refused');

export const recomputeSchema = z
  .object({
    checked: z.number().int().describe('open cases whose deadline was counted again'),
    changed: z
      .number()
      .int()
      .describe('cases whose stored deadline moved (each got a calendar_changed event)'),
    failed: z.array(z.object({ requestId: z.number().int(), message: z.string() })),
  })
  .describe('the recompute of every open case’s deadline, done in the same transaction');

export const overrideSchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  source: z.string(),
});

export const calendarYearSchema = z.object({
  year: z.number().int(),
  confirmed: z
    .boolean()
    .describe('the calendar holds the year’s notice; else deadlines in it are provisional'),
  confirmedYears: z.array(z.number().int()),
  holidays: dateList.describe('Monday–Friday days off, as the calendar counts them'),
  workdays: dateList.describe('Saturdays and Sundays worked (调休), as the calendar counts them'),
  overrides: z.array(
    overrideSchema.extend({
      kind: z.string(),
      createdAt: z.string(),
      actor: z.string().optional().describe('who entered it (username); to signed-in staff only'),
      actorName: z.string().optional().describe('who entered it, by name (姓名); to signed-in staff only'),
    }),
  ),
  notices: z.array(
    z.object({
      year: z.number().int(),
      documentNumber: z.string(),
      holidays: dateList,
      workdays: dateList,
      importedAt: z.string(),
      actor: z.string().optional().describe('who imported it (username); to signed-in staff only'),
      actorName: z.string().optional().describe('who imported it, by name (姓名); to signed-in staff only'),
    }),
  ),
});

/** `GET /api/v1/calendar?year=`: default this year. */
export const calendarQuery = z.object({
  year: decimal(
    z
      .number({ error: '年份应为 2000–2100 之间的整数' })
      .int({ error: '年份应为 2000–2100 之间的整数' })
      .min(2000, { error: '年份应为 2000–2100 之间的整数' })
      .max(2100, { error: '年份应为 2000–2100 之间的整数' }),
  )
    .optional()
    .describe('default: this year'),
});

export const overrideAddedSchema = z.object({
  override: overrideSchema,
  replaced: overrideSchema.nullable(),
  recompute: recomputeSchema,
});

export const overrideRemovedSchema = z.object({ removed: overrideSchema, recompute: recomputeSchema });

export const noticeImportedSchema = z.object({
  notice: z.object({
    year: z.number().int(),
    documentNumber: z.string(),
    holidays: z.number().int().describe('days off listed'),
    workdays: z.number().int().describe('调休 working days listed'),
  }),
  replaced: z.boolean(),
  recompute: recomputeSchema,
});
