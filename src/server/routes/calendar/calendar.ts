/**
 * The installation's working-day calendar (docs/calendar.md): anyone may read it; a platform
 * administrator adds or removes an override or imports a year's State Council notice, and every
 * open case's deadline is recomputed in the same transaction (each moved case gets an event).
 */
import { z } from 'zod';
import { addCalendarOverride, removeCalendarOverride } from '../../../commands/calendar/calendar-override.ts';
import { readCalendarYear } from '../../../commands/calendar/calendar-year.ts';
import { importHolidayNotice } from '../../../commands/calendar/import-holiday-notice.ts';
import {
  calendarQuery,
  calendarYearSchema,
  isoDate,
  noticeBody,
  noticeImportedSchema,
  overrideAddedSchema,
  overrideBody,
  overrideRemovedSchema,
} from '../../../contract/calendar.ts';
import { installationContext } from '../../command-context.ts';
import { errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const changeErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody };

export const calendarRoutes: RouteModule = async (app, options) => {
  const { db, calendars, clock } = options;
  app.get(
    '/api/v1/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The working-day calendar: confirmed years, a year’s holidays and 调休, overrides, notices',
        querystring: calendarQuery,
        response: { 200: calendarYearSchema, 400: errorBody },
      },
    },
    async (request) => {
      const year = request.query.year ?? Number(clock.today().slice(0, 4));
      const calendar = await readCalendarYear({ db, calendar: calendars }, { year });
      if (request.identity) return calendar;
      // the public sees the calendar, not who in the platform's staff entered it (issue 13: no
      // usernames anywhere public)
      const unsigned = <T extends { actor?: string; actorName?: string }>({ actor, actorName, ...rest }: T) =>
        rest;
      return {
        ...calendar,
        overrides: calendar.overrides.map(unsigned),
        notices: calendar.notices.map(unsigned),
      };
    },
  );

  app.post(
    '/api/v1/calendar/overrides',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['calendar'],
        summary: 'Mark a date a holiday or a working day (platform administrator); recomputes open deadlines',
        body: overrideBody,
        response: {
          201: overrideAddedSchema,
          ...changeErrors,
        },
      },
    },
    async (request, reply) => {
      try {
        return reply
          .code(201)
          .send(await addCalendarOverride(installationContext(request, options), request.body));
      } finally {
        calendars.invalidate();
      }
    },
  );

  app.delete(
    '/api/v1/calendar/overrides/:date',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['calendar'],
        summary: 'Remove the override of a date (platform administrator); recomputes open deadlines',
        params: z.object({ date: isoDate }),
        response: {
          200: overrideRemovedSchema,
          404: errorBody,
          ...changeErrors,
        },
      },
    },
    async (request) => {
      try {
        return await removeCalendarOverride(installationContext(request, options), {
          date: request.params.date,
        });
      } finally {
        calendars.invalidate();
      }
    },
  );

  app.post(
    '/api/v1/calendar/notices',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['calendar'],
        summary:
          'Import a year’s State Council holiday notice (platform administrator); recomputes open deadlines',
        description: 'The JSON of docs/calendar.md. It replaces a notice imported before for that year.',
        body: noticeBody,
        response: {
          201: noticeImportedSchema,
          ...changeErrors,
        },
      },
    },
    async (request, reply) => {
      try {
        return reply
          .code(201)
          .send(await importHolidayNotice(installationContext(request, options), request.body));
      } finally {
        calendars.invalidate();
      }
    },
  );
};
