/**
 * 网站自查 (issue 15, docs/inspection.md): `GET /api/v1/agencies/:code/inspection?day=` (the day's
 * results — stored, or computed now and not stored when the day has not run), `GET …/inspection/history`
 * (each indicator's stored values, oldest first), `POST …/inspection/run` (run and store the day; its
 * 机关管理员), `GET|PUT …/column-settings` (each column's class and expected frequency; staff read,
 * the 机关管理员 sets).
 */
import { z } from 'zod';
import { runInspection } from '../../../commands/inspection/run-inspection.ts';
import { setColumnClasses } from '../../../commands/inspection/set-column-classes.ts';
import { errorBody } from '../../../contract/common.ts';
import {
  columnSettingsSchema,
  inspectionHistoryQuery,
  inspectionHistorySchema,
  inspectionQuery,
  inspectionRunBody,
  inspectionSchema,
} from '../../../contract/inspection.ts';
import type { Db } from '../../../db/connection.ts';
import { inspectedColumns, inspectionHistory, readInspection } from '../../../db/queries/inspection.ts';
import { addDays } from '../../../domain/calendar/days.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { classPeriodLabel, inspectionJson } from '../../presenters/inspection.ts';
import { agencyCode, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const codeParams = z.object({ code: agencyCode });
const queryErrors = { 400: errorBody, ...readErrors };

/** The agency's columns with their classes, as of today. */
async function columnSettings(db: Db, agencyId: number, today: string) {
  const columns = await inspectedColumns(db.kysely, agencyId, today);
  return {
    columns: columns.map((c) => ({
      scope: c.scope,
      code: c.code,
      name: c.name,
      columnClass: c.columnClass,
      periodLabel: classPeriodLabel(c.columnClass, c.frequencyDays),
      frequencyDays: c.frequencyDays,
      count: c.count,
      lastPublishedOn: c.lastPublishedOn,
      note: c.note,
    })),
  };
}

export const inspectionRoutes: RouteModule = async (app, options) => {
  const { db, clock, calendars } = options;

  app.get(
    '/api/v1/agencies/:code/inspection',
    {
      config: { policy: 'inspection/view' },
      schema: {
        tags: ['agencies'],
        summary: "网站自查: the day's indicators (stored, or computed now when the day has not run)",
        params: codeParams,
        querystring: inspectionQuery,
        response: { 200: inspectionSchema, ...queryErrors },
      },
    },
    async (request) =>
      inspectionJson(
        await readInspection(
          db.kysely,
          agencyOf(request).id,
          request.query.day ?? clock.today(),
          await calendars.get(),
        ),
      ),
  );

  app.get(
    '/api/v1/agencies/:code/inspection/history',
    {
      config: { policy: 'inspection/view' },
      schema: {
        tags: ['agencies'],
        summary:
          "网站自查: an indicator's stored results (every indicator without ?indicator=), the last ?days=90",
        params: codeParams,
        querystring: inspectionHistoryQuery,
        response: { 200: inspectionHistorySchema, ...queryErrors },
      },
    },
    async (request) => {
      const until = clock.today();
      const since = addDays(until, -(request.query.days - 1));
      const points = await inspectionHistory(db.kysely, agencyOf(request).id, {
        indicator: request.query.indicator,
        since,
        until,
      });
      return { since, until, points };
    },
  );

  app.post(
    '/api/v1/agencies/:code/inspection/run',
    {
      config: { policy: 'inspection/run' },
      schema: {
        tags: ['agencies'],
        summary: '网站自查: run the day (today, or { day }) and store its results (agency admin)',
        params: codeParams,
        body: inspectionRunBody,
        response: { 200: inspectionSchema, ...writeErrors },
      },
    },
    async (request) => {
      const run = await runInspection(commandContext(request, options), {
        agencyId: agencyOf(request).id,
        day: request.body?.day,
      });
      return inspectionJson({ ...run, stored: true });
    },
  );

  app.get(
    '/api/v1/agencies/:code/column-settings',
    {
      config: { policy: 'inspection/view' },
      schema: {
        tags: ['agencies'],
        summary: "Each catalogue column's class for the inspection and its expected frequency",
        params: codeParams,
        response: { 200: columnSettingsSchema, ...readErrors },
      },
    },
    async (request) => columnSettings(db, agencyOf(request).id, clock.today()),
  );

  app.put(
    '/api/v1/agencies/:code/column-settings',
    {
      config: { policy: 'inspection/configure' },
      schema: {
        tags: ['agencies'],
        summary:
          "Set columns' classes: { columns: [{ scope, code, columnClass, frequencyDays }] } (agency admin)",
        params: codeParams,
        body: z.looseObject({}).describe('{ columns: [{ scope, code, columnClass, frequencyDays? }] }'),
        response: { 200: columnSettingsSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      await setColumnClasses(commandContext(request, options), { agencyId, body: request.body });
      return columnSettings(db, agencyId, clock.today());
    },
  );
};
