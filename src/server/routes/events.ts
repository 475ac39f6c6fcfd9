/**
 * The agency's 操作日志: who did what, when, from the one event log (an agency administrator).
 * Filters: who (`actor`), what (`name`: an area such as `requests`, or one event name), a date
 * range in China (`from`, `to`), a page at a time (`cursor`).
 */
import { z } from 'zod';
import { listEvents } from '../../db/queries/events.ts';
import { eventLogRefusal } from '../../domain/events/policy.ts';
import { chinaDayEnd, chinaDayStart } from '../../domain/events/summary.ts';
import { agencyActorOf, agencyOf } from '../actor.ts';
import { AppError } from '../errors.ts';
import { agencyCode, errorBody } from './schemas.ts';
import type { RouteModule } from './types.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}应为日期 YYYY-MM-DD`)
    .optional();

/** The query of the 操作日志. */
export const eventQuery = z.object({
  actor: z.string().max(64).optional(),
  name: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, '事件类别应为如 requests 或 requests.extended 的名称')
    .optional(),
  from: isoDate('起始日期'),
  to: isoDate('截止日期'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(80).optional(),
});

const eventSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  seq: z.number().int(),
  actor: z.string(),
  at: z.string(),
  occurredOn: z.string().nullable(),
  stateBefore: z.string().nullable(),
  stateAfter: z.string().nullable(),
  data: z.unknown(),
});

export const eventRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/api/v1/agencies/:code/events',
    {
      schema: {
        tags: ['events'],
        summary: "The agency's event log: who did what, when, newest first (agency administrator)",
        params: z.object({ code: agencyCode }),
        querystring: eventQuery,
        response: {
          200: z.object({ events: z.array(eventSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const refusal = eventLogRefusal(agencyActorOf(request));
      if (refusal) throw new AppError('forbidden', refusal);
      const agencyId = agencyOf(request).id;
      const { from, to, ...filter } = request.query;
      const page = await listEvents(db, {
        ...filter,
        agencyId,
        from: from ? chinaDayStart(from) : undefined,
        to: to ? chinaDayEnd(to) : undefined,
      });
      return {
        events: page.events.map(({ agencyId: _agency, ...event }) => event),
        nextCursor: page.nextCursor,
      };
    },
  );
};
