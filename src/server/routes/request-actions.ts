/**
 * Staff actions on a case (`POST …/requests/:id/actions/:action`) and reconsideration/litigation
 * cases recorded against it. Each action is one command: version check, state machine, the
 * action's rules, one event, the clock recomputed.
 */
import { z } from 'zod';
import { applyCaseAction } from '../../commands/requests/apply-case-action.ts';
import { recordReviewCase } from '../../commands/requests/record-review-case.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { T4_GROUPS, T4_RESULTS } from '../../domain/report/vocabulary.ts';
import { CASE_ACTIONS } from '../../domain/requests/state-machine.ts';
import { agencyOf } from '../actor.ts';
import { commandContext } from '../command-context.ts';
import { actionResultSchema, reviewRecordedSchema } from './request-schemas.ts';
import { caseParams, errorBody } from './schemas.ts';
import type { RouteModule } from './types.ts';

const date = z.string().refine(isIsoDate, { error: '日期无效，应写成 YYYY-MM-DD' });

export const requestActionRoutes: RouteModule = async (app, { db, calendars, now }) => {
  app.post(
    '/api/v1/agencies/:code/requests/:id/actions/:action',
    {
      schema: {
        tags: ['requests'],
        summary: 'Act on a case: correction, consultation, extension, fee, 第三十五条, decision',
        description:
          'Body: `expectedVersion` (the version you saw; a later change by someone else gives 409), optional `occurredOn` (the day it happened, default today), and `payload`, the fields of the action.',
        params: caseParams.extend({
          action: z.enum(CASE_ACTIONS, { error: `办理操作应为 ${CASE_ACTIONS.join('、')} 之一` }),
        }),
        body: z.object({
          expectedVersion: z.number({ error: '版本号应为您看到的版本（整数）' }).int().min(0),
          occurredOn: date.optional(),
          payload: z.record(z.string(), z.unknown()).default({}),
        }),
        response: {
          200: actionResultSchema,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
        },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, now });
      return applyCaseAction(ctx, {
        agencyId,
        requestId: request.params.id,
        expectedVersion: request.body.expectedVersion,
        action: request.params.action,
        payload: request.body.payload,
        occurredOn: request.body.occurredOn,
      });
    },
  );

  app.post(
    '/api/v1/agencies/:code/requests/:id/reviews',
    {
      schema: {
        tags: ['requests'],
        summary:
          'Record a reconsideration (行政复议) or lawsuit (行政诉讼) about this request, or its result',
        params: caseParams,
        body: z.object({
          group: z.enum(T4_GROUPS, {
            error:
              '案件类别应为 review（行政复议）、suit_direct（直接起诉）或 suit_after_review（复议后起诉）',
          }),
          filedOn: date,
          decidedOn: date.nullable().default(null),
          result: z
            .enum(T4_RESULTS, { error: '审结结果应为 upheld（维持）、corrected（纠正）或 other（其他）' })
            .nullable()
            .default(null),
        }),
        response: {
          201: reviewRecordedSchema,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, now });
      const recorded = await recordReviewCase(ctx, {
        agencyId,
        requestId: request.params.id,
        ...request.body,
      });
      return reply.code(201).send(recorded);
    },
  );
};
