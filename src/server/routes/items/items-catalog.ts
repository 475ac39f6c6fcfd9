/**
 * The agency's catalogue settings (an agency administrator): its own sub-columns of the
 * 法定主动公开目录 and the 索引号 prefix; and the dashboard's timeliness (条例第二十六条): the
 * year's figure, the items published late and those running late before publication.
 */
import { z } from 'zod';
import { deleteAgencyColumn, saveAgencyColumn } from '../../../commands/items/agency-columns.ts';
import { setIndexPrefix } from '../../../commands/items/set-index-prefix.ts';
import { columnBody, indexPrefixBody } from '../../../contract/item-inputs.ts';
import { listAgencyColumns, publishedInYear, unpublishedItems } from '../../../db/queries/items.ts';
import { publicationTimeliness, timelinessFigure } from '../../../domain/items/timeliness.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { agencyCode, decimal, errorBody, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const columnSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  sort: z.number().int(),
});
const columnParams = z.object({ code: agencyCode, column: z.string().max(32) });
const lateItem = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.string(),
  formedOn: z.string(),
  publishedOn: z.string().nullable(),
  dueOn: z.string(),
  workingDays: z.number().int(),
});

export const itemCatalogRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.get(
    '/api/v1/agencies/:code/item-columns',
    {
      schema: {
        tags: ['items'],
        summary: "The agency's own sub-columns of its 法定主动公开目录 (public)",
        params: z.object({ code: agencyCode }),
        response: { 200: z.object({ columns: z.array(columnSchema) }), 404: errorBody },
      },
    },
    async (request) => ({ columns: await listAgencyColumns(db, agencyOf(request).id) }),
  );

  app.put(
    '/api/v1/agencies/:code/item-columns/:column',
    {
      config: { policy: 'catalogue/configure_columns' },
      schema: {
        tags: ['items'],
        summary: 'Add or change a sub-column (agency administrator)',
        params: columnParams,
        body: columnBody,
        response: { 200: columnSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      return saveAgencyColumn(ctx, {
        agencyId,
        code: request.params.column,
        ...request.body,
      });
    },
  );

  app.delete(
    '/api/v1/agencies/:code/item-columns/:column',
    {
      config: { policy: 'catalogue/configure_columns' },
      schema: {
        tags: ['items'],
        summary: 'Remove a sub-column no item is filed under (agency administrator)',
        params: columnParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      await deleteAgencyColumn(ctx, { agencyId, code: request.params.column });
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/agencies/:code/item-settings',
    {
      config: { policy: 'catalogue/configure_columns' },
      schema: {
        tags: ['items'],
        summary: 'Set the 索引号 prefix: the 统一社会信用代码 or 组织机构代码 (agency administrator)',
        params: z.object({ code: agencyCode }),
        body: indexPrefixBody,
        response: { 200: z.object({ indexPrefix: z.string() }), ...writeErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      return setIndexPrefix(ctx, { agencyId, indexPrefix: request.body.indexPrefix });
    },
  );

  app.get(
    '/api/v1/agencies/:code/timeliness/:year',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary: 'Timeliness (条例第二十六条): the year’s figure, items published late, items running late',
        params: z.object({
          code: agencyCode,
          year: decimal(z.number({ error: '年度应为2000到2100之间的四位年份' }).int().min(2000).max(2100)),
        }),
        response: {
          200: z.object({
            year: z.number().int(),
            provisional: z.boolean().describe('the year’s holiday notice is not in the calendar yet'),
            figure: z.object({
              published: z.number().int(),
              withinLimit: z.number().int(),
              late: z.number().int(),
            }),
            late: z.array(lateItem).describe('published in the year more than 20 working days after formed'),
            overdue: z
              .array(lateItem)
              .describe('not yet published and past the 20 working days (as of today)'),
          }),
          ...writeErrors,
        },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const { year } = request.params;
      const calendar = await calendars.get();
      const today = clock.today();
      const published = (await publishedInYear(db, agencyId, year)).map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        formedOn: r.formed_on,
        publishedOn: r.published_on ?? r.formed_on,
      }));
      const late = published
        .map((r) => ({ ...r, ...publicationTimeliness(r.formedOn, r.publishedOn, calendar) }))
        .filter((r) => r.late)
        .map(({ late: _late, ...r }) => r);
      const overdue = (await unpublishedItems(db, agencyId))
        .map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          formedOn: r.formed_on,
          publishedOn: null,
        }))
        .map((r) => ({ ...r, ...publicationTimeliness(r.formedOn, today, calendar) }))
        .filter((r) => r.late)
        .map(({ late: _late, ...r }) => r);
      return {
        year,
        provisional: !calendar.isConfirmed(year),
        figure: timelinessFigure(published, calendar),
        late,
        overdue,
      };
    },
  );
};
