/**
 * Staff routes of disclosure requests (依申请公开): register one received by letter, in person, by fax,
 * orally or otherwise, or handed in and answered on the spot (条例 第三十三条第一款); the queue with the
 * dashboard's lists; one case with its timeline and clock.
 */
import { z } from 'zod';
import { answerOnTheSpot } from '../../../commands/requests/answer-on-the-spot.ts';
import { onTheSpotBody, registerBody } from '../../../commands/requests/register-input.ts';
import { registerRequest } from '../../../commands/requests/register-request.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { listApprovalRequests } from '../../../db/queries/approval-requests.ts';
import { findCase, listCases, queueCounts } from '../../../db/queries/request-cases.ts';
import { DUE_SOON_WORKING_DAYS } from '../../../domain/requests/queues.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { caseJson, caseUsernames } from '../../presenters/case-json.ts';
import { agencyCode, caseParams, errorBody, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  answeredOnTheSpotSchema,
  caseDetailSchema,
  queueQuery,
  queueSchema,
  registeredSchema,
} from './request-schemas.ts';

export const requestRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/requests',
    {
      config: { policy: 'requests/register' },
      schema: {
        tags: ['requests'],
        summary:
          'Register a request received by letter, in person, by fax, orally (written up by the office, 条例 第二十九条第一款) or otherwise (staff): a disclosure request, or a request to correct a record about the applicant (条例 第四十一条)',
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
        kind: body.kind,
        correction: body.correction,
        oral: body.oral,
        assistance: body.assistance,
        submittedAt: body.channel === 'online' ? ctx.clock.now() : undefined,
      });
      return reply.code(201).send(registered);
    },
  );

  app.post(
    '/api/v1/agencies/:code/requests/on-the-spot',
    {
      config: { policy: 'requests/register' },
      schema: {
        tags: ['requests'],
        summary:
          '当场答复 (条例 第三十三条第一款): register a request handed in today and answer it in one step (staff)',
        description:
          'Received today in person; `decision` is the payload of the decide action (outcome or items, basis, reasons, fields, withheldUnder), checked the same way. One transaction: the events requests.received, requests.decided and requests.answered_on_the_spot, the 登记回执 and the 答复书 dated the day received. Any refusal writes nothing. Needs the roles that register and decide.',
        params: z.object({ code: agencyCode }),
        body: onTheSpotBody,
        response: { 201: answeredOnTheSpotSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      const answered = await answerOnTheSpot(ctx, { agencyId, ...request.body });
      return reply.code(201).send(answered);
    },
  );

  app.get(
    '/api/v1/agencies/:code/requests',
    {
      config: { policy: 'staff' },
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
      const dueSoonUntil = (await calendars.get()).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
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
      config: { policy: 'staff' },
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
      const approvals = await listApprovalRequests(db.kysely, agencyId, { requestId: found.row.id });
      const names = await loadActorNames(db, caseUsernames(found));
      return { ...caseJson(found, await calendars.get(), clock.today(), names), approvals };
    },
  );
};
