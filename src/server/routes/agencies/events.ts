/**
 * The agency's 操作日志: who did what, when, from the one event log (an agency administrator).
 * Filters: who (`actor`), what (`name`: an area such as `requests`, or one event name), a date
 * range in China (`from`, `to`), a page at a time (`cursor`).
 */
import { z } from 'zod';
import { eventPageSchema, eventQuery } from '../../../contract/events.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { listEvents } from '../../../db/queries/events.ts';
import { eventLogRefusal } from '../../../domain/events/policy.ts';
import { chinaDayEnd, chinaDayStart } from '../../../domain/events/summary.ts';
import { agencyActorOf, agencyOf } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, errorBody, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const errors = { 400: errorBody, ...readErrors };
export const eventRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/api/v1/agencies/:code/events',
    {
      config: { policy: 'events/view_log' },
      schema: {
        tags: ['events'],
        summary: "The agency's event log: who did what, when, newest first (agency administrator)",
        params: z.object({ code: agencyCode }),
        querystring: eventQuery,
        response: {
          200: eventPageSchema,
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
      const names = await loadActorNames(
        db,
        page.events.map((e) => e.actor),
      );
      return {
        events: page.events.map(({ agencyId: _agency, ...event }) => ({
          ...event,
          actorName: names(event.actor),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
