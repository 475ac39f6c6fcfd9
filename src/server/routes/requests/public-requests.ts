/**
 * Public routes of requests: file one online (第二十九条), follow it by its tracking code (status,
 * dates, letters — nothing else about the applicant), and the deadline calculator.
 */
import { z } from 'zod';
import { registerRequest } from '../../../commands/requests/register-request.ts';
import { trackRequest } from '../../../commands/requests/track-request.ts';
import { onlineRequestBody } from '../../../contract/request-inputs.ts';
import { unconfirmedYears } from '../../../domain/calendar/work-calendar.ts';
import { isIsoDate } from '../../../domain/dates.ts';
import { agencyOf } from '../../actor.ts';
import { publicContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { floodGuard } from '../../submission-limits.ts';
import { agencyCode, decimal, errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { deadlineSchema, receiptSchema, trackSchema } from './request-schemas.ts';

export const publicRequestRoutes: RouteModule = async (
  app,
  { db, calendars, clock, submissionLimits, submissions },
) => {
  app.post(
    '/api/v1/agencies/:code/requests/online',
    {
      config: { rateLimit: floodGuard(submissionLimits) },
      schema: {
        tags: ['public'],
        summary: 'File a request online; answers the tracking code and registration number',
        params: z.object({ code: agencyCode }),
        body: onlineRequestBody,
        response: { 201: receiptSchema, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = publicContext(request, { db, calendars, clock });
      const submitter = { address: request.ip, applicant: request.body.applicant };
      const taken = submissions.take(submitter, ctx.clock.now(), reply);
      let registered: Awaited<ReturnType<typeof registerRequest>>;
      try {
        registered = await registerRequest(ctx, {
          agencyId,
          channel: 'online',
          applicantType: request.body.applicantType,
          applicant: request.body.applicant,
          publishSuggestion: request.body.publishSuggestion,
          submittedAt: ctx.clock.now(),
        });
      } catch (error) {
        taken.release();
        throw error;
      }
      const { requestId: _id, version: _version, ...receipt } = registered;
      return reply.code(201).send(receipt);
    },
  );

  app.get(
    '/api/v1/track/:trackingCode',
    {
      schema: {
        tags: ['public'],
        summary: 'Follow a request by its tracking code: status, received and due dates, days left, letters',
        params: z.object({ trackingCode: z.string().max(64) }),
        response: { 200: trackSchema, 404: errorBody },
      },
    },
    async (request) => {
      const found = await trackRequest(publicContext(request, { db, calendars, clock }), {
        trackingCode: request.params.trackingCode,
      });
      if (!found) throw new AppError('not_found', '未找到该查询码对应的申请，请核对查询码。');
      return {
        ...found,
        letters: found.letters.map((l) => ({
          id: l.id,
          kind: l.kind,
          fileName: l.fileName,
          issuedOn: l.issuedOn,
          createdAt: l.createdAt,
          delivery: l.delivery,
        })),
      };
    },
  );

  app.get(
    '/api/v1/deadline',
    {
      schema: {
        tags: ['public'],
        summary: 'Deadline calculator: the date N working days after a date, on the official calendar',
        querystring: z.object({
          from: z.string().refine(isIsoDate, { error: 'from 应为有效日期，写成 YYYY-MM-DD' }),
          days: decimal(z.number({ error: '工作日数应为0到400之间的整数' }).int().min(0).max(400)).default(
            20,
          ),
        }),
        response: { 200: deadlineSchema, 400: errorBody },
      },
    },
    async (request) => {
      const calendar = await calendars.get();
      const { from, days } = request.query;
      const due = calendar.addWorkingDays(from, days);
      const years = unconfirmedYears(calendar, from, due);
      return { from, days, due, provisional: years.length > 0, provisionalYears: years };
    },
  );
};
