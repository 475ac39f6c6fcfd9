/**
 * Public routes of requests: file one online (第二十九条), follow it by its tracking code (status,
 * dates, letters — nothing else about the applicant), and the deadline calculator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { submitOnlineRequest } from '../../../commands/requests/submit-online-request.ts';
import { trackRequest } from '../../../commands/requests/track-request.ts';
import { onlineRequestBody } from '../../../contract/request-inputs.ts';
import { unconfirmedYears } from '../../../domain/calendar/work-calendar.ts';
import { isIsoDate } from '../../../domain/dates.ts';
import { agencyOf } from '../../actor.ts';
import { publicContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { floodGuard } from '../../submission-limits.ts';
import { trackingRateLimit } from '../../tracking-guard.ts';
import { agencyCode, decimal, errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { deadlineSchema, receiptSchema, trackSchema } from './request-schemas.ts';

/** A client's Idempotency-Key: 1–64 letters, digits, `-` or `_` (a UUID fits). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;

const idempotencyKey = (value: unknown): string | null =>
  typeof value === 'string' && IDEMPOTENCY_KEY.test(value) ? value : null;

/** The submission token of a key at an agency (32 hex digits, as the portal form's tokens). */
const tokenOfKey = (agencyId: number, key: string): string =>
  createHash('sha256').update(`api\n${agencyId}\n${key}`).digest('hex').slice(0, 32);

export const publicRequestRoutes: RouteModule = async (
  app,
  { db, calendars, clock, submissionLimits, submissions, trackingLimits, trackingGuard },
) => {
  app.post(
    '/api/v1/agencies/:code/requests/online',
    {
      config: { rateLimit: floodGuard(submissionLimits) },
      schema: {
        tags: ['public'],
        summary: 'File a request online; answers the tracking code and registration number',
        description:
          'An optional `Idempotency-Key` header (1–64 letters, digits, `-` or `_`) makes a retry safe: the same key at the same agency answers the first receipt (200, `Idempotent-Replayed: true`) instead of filing again, whatever the body.',
        params: z.object({ code: agencyCode }),
        headers: z.object({
          'idempotency-key': z
            .string()
            .regex(IDEMPOTENCY_KEY, { error: '请求头 Idempotency-Key 应为 1–64 个字母、数字、- 或 _' })
            .optional(),
        }),
        body: onlineRequestBody,
        response: { 200: receiptSchema, 201: receiptSchema, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = publicContext(request, { db, calendars, clock });
      const key = idempotencyKey(request.headers['idempotency-key']);
      const submitter = { address: request.ip, applicant: request.body.applicant };
      const taken = await submissions.take(submitter, ctx.clock.now(), reply);
      let receipt: Awaited<ReturnType<typeof submitOnlineRequest>>;
      try {
        // one path with the portal form: registered once per token (online_submissions); the
        // token of a client's Idempotency-Key is derived from it, else it is new for this post
        receipt = await submitOnlineRequest(ctx, {
          agencyId,
          token: key ? tokenOfKey(agencyId, key) : randomBytes(16).toString('hex'),
          freshToken: !key,
          applicantType: request.body.applicantType,
          applicant: request.body.applicant,
          publishSuggestion: request.body.publishSuggestion,
        });
      } catch (error) {
        await taken.release();
        throw error;
      }
      const { created, ...body } = receipt;
      if (created) return reply.code(201).send(body);
      await taken.release(); // a replay registers nothing
      return reply.code(200).header('idempotent-replayed', 'true').send(body);
    },
  );

  app.get(
    '/api/v1/track/:trackingCode',
    {
      config: { rateLimit: trackingRateLimit(trackingLimits) },
      schema: {
        tags: ['public'],
        summary: 'Follow a request by its tracking code: status, received and due dates, days left, letters',
        params: z.object({ trackingCode: z.string().max(64) }),
        response: { 200: trackSchema, 404: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      await trackingGuard.check(request.ip, clock.now(), reply);
      const found = await trackRequest(publicContext(request, { db, calendars, clock }), {
        trackingCode: request.params.trackingCode,
      });
      if (!found) await trackingGuard.recordFailure(request.ip, clock.now());
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
