/**
 * Staff routes of disclosure requests (依申请公开): register one received by letter, in person, by
 * fax or otherwise; the queue with the dashboard's lists; one case with its timeline and clock.
 */
import { z } from 'zod';
import { registerBody } from '../../commands/requests/register-input.ts';
import { registerRequest } from '../../commands/requests/register-request.ts';
import { findCase, listCases, queueCounts } from '../../db/queries/request-cases.ts';
import { isIsoDate, todayInChina } from '../../domain/dates.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { agencyActorOf, agencyOf } from '../actor.ts';
import { AppError } from '../errors.ts';
import { caseJson } from '../presenters/case-json.ts';
import { registeredSchema } from './request-schemas.ts';
import { agencyCode, caseParams, errorBody } from './schemas.ts';
import type { RouteModule } from './types.ts';

const FILTERS = [
  'all',
  'open',
  'overdue',
  'due_soon',
  'awaiting_correction',
  'awaiting_fee',
  'in_consultation',
  'decided',
] as const;

const receivedDate = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { error: `${label}应为 YYYY-MM-DD 格式的日期，如 2026-01-31` })
    .optional();

const queueQuery = z
  .object({
    filter: z.enum(FILTERS, { error: `filter 应为 ${FILTERS.join('、')} 之一` }).default('open'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    q: z
      .string()
      .max(100, { error: '搜索词最长 100 个字符，请缩短后再搜索' })
      .optional()
      .describe(
        'words found in the registration number, tracking code, applicant name or phone, or the information sought',
      ),
    receivedFrom: receivedDate('收到日期起'),
    receivedTo: receivedDate('收到日期止'),
  })
  .refine((q) => !q.receivedFrom || !q.receivedTo || q.receivedFrom <= q.receivedTo, {
    error: '收到日期起不能晚于收到日期止，请调整日期范围',
    path: ['receivedTo'],
  });

export const requestRoutes: RouteModule = async (app, { db, calendars, now }) => {
  app.post(
    '/api/v1/agencies/:code/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Register a request received by letter, in person, by fax or otherwise (staff)',
        params: z.object({ code: agencyCode }),
        body: registerBody,
        response: { 201: registeredSchema, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const actor = agencyActorOf(request);
      const refusal = requestRefusal(actor, 'register');
      if (refusal) throw new AppError('forbidden', refusal);
      const body = request.body;
      const registered = await registerRequest(
        db,
        await calendars.get(),
        {
          agencyId,
          channel: body.channel,
          applicantType: body.applicantType,
          applicant: body.applicant,
          receivedOn: body.receivedOn,
          receiptNote: body.receiptNote,
          submittedAt: body.channel === 'online' ? now() : undefined,
        },
        actor,
        now(),
      );
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
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const today = todayInChina(now());
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
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const found = await findCase(db, agencyId, request.params.id);
      if (!found) throw new AppError('not_found', `未找到编号为 ${request.params.id} 的申请。`);
      return caseJson(found, await calendars.get(), todayInChina(now()));
    },
  );
};
