/**
 * The installation's working-day calendar (docs/calendar.md): anyone may read it; a platform
 * administrator adds or removes an override or imports a year's State Council notice, and every
 * open case's deadline is recomputed in the same transaction (each moved case gets an event).
 */
import { z } from 'zod';
import { addCalendarOverride, removeCalendarOverride } from '../../commands/calendar/calendar-override.ts';
import { readCalendarYear } from '../../commands/calendar/calendar-year.ts';
import { importHolidayNotice } from '../../commands/calendar/import-holiday-notice.ts';
import { installationActor } from '../../domain/accounts/actor.ts';
import { todayInChina } from '../../domain/dates.ts';
import { actorOf } from '../actor.ts';
import { errorBody } from './schemas.ts';
import type { RouteModule } from './types.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写成 YYYY-MM-DD' });
const dateList = z.array(z.string());

const overrideBody = z.object({
  date: isoDate.describe('the date, YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday'], { error: 'kind 应为 holiday（放假）或 workday（上班）' }),
  source: z
    .string({ error: 'source 应写明依据的通知（文号）' })
    .min(1, { error: 'source 应写明依据的通知（文号）' })
    .max(200, { error: 'source 最长 200 个字符' })
    .describe('the document it comes from, e.g. 某府办发〔2026〕1号'),
});

const noticeBody = z
  .looseObject({
    year: z.unknown().describe('the year the notice arranges, 2000–2100'),
    documentNumber: z.unknown().describe('the notice’s 文号, e.g. 国办发明电〔2026〕7号'),
    title: z.unknown().optional().describe('optional'),
    holidays: z.unknown().describe('every day off (YYYY-MM-DD), weekend days inside a block included'),
    workdays: z.unknown().describe('the weekend days worked (调休), [] when none'),
  })
  .describe('one year’s State Council holiday notice; checked field by field, unknown fields refused');

const recomputeSchema = z
  .object({
    checked: z.number().int().describe('open cases whose deadline was counted again'),
    changed: z
      .number()
      .int()
      .describe('cases whose stored deadline moved (each got a calendar_changed event)'),
    failed: z.array(z.object({ requestId: z.number().int(), message: z.string() })),
  })
  .describe('the recompute of every open case’s deadline, done in the same transaction');

const overrideSchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  source: z.string(),
});

const calendarYearSchema = z.object({
  year: z.number().int(),
  confirmed: z
    .boolean()
    .describe('the calendar holds the year’s notice; else deadlines in it are provisional'),
  confirmedYears: z.array(z.number().int()),
  holidays: dateList.describe('Monday–Friday days off, as the calendar counts them'),
  workdays: dateList.describe('Saturdays and Sundays worked (调休), as the calendar counts them'),
  overrides: z.array(overrideSchema.extend({ kind: z.string(), createdAt: z.string(), actor: z.string() })),
  notices: z.array(
    z.object({
      year: z.number().int(),
      documentNumber: z.string(),
      holidays: dateList,
      workdays: dateList,
      importedAt: z.string(),
      actor: z.string(),
    }),
  ),
});

const changeErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody };

export const calendarRoutes: RouteModule = async (app, { db, calendars, now }) => {
  app.get(
    '/api/v1/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The working-day calendar: confirmed years, a year’s holidays and 调休, overrides, notices',
        querystring: z.object({
          year: z.coerce
            .number({ error: '年份应为 2000–2100 之间的整数' })
            .int({ error: '年份应为 2000–2100 之间的整数' })
            .min(2000, { error: '年份应为 2000–2100 之间的整数' })
            .max(2100, { error: '年份应为 2000–2100 之间的整数' })
            .optional()
            .describe('default: this year'),
        }),
        response: { 200: calendarYearSchema, 400: errorBody },
      },
    },
    async (request) => {
      const year = request.query.year ?? Number(todayInChina(now()).slice(0, 4));
      return readCalendarYear(db, await calendars.get(), year);
    },
  );

  app.post(
    '/api/v1/calendar/overrides',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Mark a date a holiday or a working day (platform administrator); recomputes open deadlines',
        body: overrideBody,
        response: {
          201: z.object({
            override: overrideSchema,
            replaced: overrideSchema.nullable(),
            recompute: recomputeSchema,
          }),
          ...changeErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = installationActor(actorOf(request));
      try {
        return reply.code(201).send(await addCalendarOverride(db, request.body, actor, now()));
      } finally {
        calendars.invalidate();
      }
    },
  );

  app.delete(
    '/api/v1/calendar/overrides/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Remove the override of a date (platform administrator); recomputes open deadlines',
        params: z.object({ date: isoDate }),
        response: {
          200: z.object({ removed: overrideSchema, recompute: recomputeSchema }),
          404: errorBody,
          ...changeErrors,
        },
      },
    },
    async (request) => {
      const actor = installationActor(actorOf(request));
      try {
        return await removeCalendarOverride(db, request.params.date, actor, now());
      } finally {
        calendars.invalidate();
      }
    },
  );

  app.post(
    '/api/v1/calendar/notices',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Import a year’s State Council holiday notice (platform administrator); recomputes open deadlines',
        description: 'The JSON of docs/calendar.md. It replaces a notice imported before for that year.',
        body: noticeBody,
        response: {
          201: z.object({
            notice: z.object({
              year: z.number().int(),
              documentNumber: z.string(),
              holidays: z.number().int().describe('days off listed'),
              workdays: z.number().int().describe('调休 working days listed'),
            }),
            replaced: z.boolean(),
            recompute: recomputeSchema,
          }),
          ...changeErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = installationActor(actorOf(request));
      try {
        return reply.code(201).send(await importHolidayNotice(db, request.body, actor, now()));
      } finally {
        calendars.invalidate();
      }
    },
  );
};
