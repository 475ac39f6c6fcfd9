/**
 * Staff routes of disclosure requests (依申请公开): register one received by letter, in person, by
 * fax or otherwise; the queue with the dashboard's lists; one case with its timeline and clock.
 */
import { z } from 'zod';
import { registerBody } from '../../../commands/requests/register-input.ts';
import { registerRequest } from '../../../commands/requests/register-request.ts';
import { findCase, listCases, queueCounts } from '../../../db/queries/request-cases.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { caseJson } from '../../presenters/case-json.ts';
import { agencyCode, caseParams, errorBody, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { caseDetailSchema, queueQuery, queueSchema, registeredSchema } from './request-schemas.ts';

export const requestRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Register a request received by letter, in person, by fax or otherwise (staff)',
        params: z.object({ code: agencyCode }),
        body: registerBody,
        response: { 201: registeredSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      const body = request.body;
      const registered = await registerRequest(ctx, {
        agencyId,
        channel: body.channel,
        applicantType: body.applicantType,
        applicant: body.applicant,
        receivedOn: body.receivedOn,
        receiptNote: body.receiptNote,
        publishSuggestion: body.publishSuggestion,
        submittedAt: body.channel === 'online' ? ctx.clock.now() : undefined,
      });
      return reply.code(201).send(registered);
    },
  );

  app.get(
    '/api/v1/agencies/:code/requests',
    {
      schema: {
        tags: ['requests'],
        summary:
          'The queue of requests: all, open, overdue, due soon, awaiting correction or fee, in consultation, decided; searched by q and the received-date range',
        params: z.object({ code: agencyCode }),
        querystring: queueQuery,
        response: { 200: queueSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const today = clock.today();
      const dueSoonUntil = (await calendars.get()).addWorkingDays(today, 3);
      const { filter, limit, offset, q, receivedFrom, receivedTo } = request.query;
      const page = await listCases(db, agencyId, {
        ...{ filter, today, dueSoonUntil, limit, offset },
        ...{ q, receivedFrom, receivedTo },
      });
      return { ...page, counts: await queueCounts(db, agencyId, today, dueSoonUntil), today, dueSoonUntil };
    },
  );

  app.get(
    '/api/v1/agencies/:code/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'One case: applicant, timeline of events, clock as of today, allowed actions, letters',
        params: caseParams,
        response: { 200: caseDetailSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const found = await findCase(db, agencyId, request.params.id);
      if (!found) throw new AppError('not_found', `未找到编号为 ${request.params.id} 的申请。`);
      return caseJson(found, await calendars.get(), clock.today());
    },
  );
};
