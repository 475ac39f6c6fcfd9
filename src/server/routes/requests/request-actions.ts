/**
 * Staff actions on a case (`POST …/requests/:id/actions/:action`) and reconsideration/litigation
 * cases recorded against it. Each action is one command: version check, state machine, the
 * action's rules, one event, the clock recomputed.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { applyCaseAction } from '../../../commands/requests/apply-case-action.ts';
import { recordReviewCase } from '../../../commands/requests/record-review-case.ts';
import { caseActionBody, reviewCaseBody } from '../../../contract/request-inputs.ts';
import type { PolicyVerb } from '../../../domain/policies.ts';
import { CASE_ACTIONS, type CaseAction } from '../../../domain/requests/state-machine.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { caseParams, errorBody, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { actionResultSchema, reviewRecordedSchema } from './request-schemas.ts';

/**
 * A case action's verb is its `:action` (`case/decide`, `case/extend`, …); an unknown action has
 * none, and validation answers 400 naming the actions.
 */
export const caseActionPolicy = (request: FastifyRequest): PolicyVerb | undefined => {
  const action = (request.params as { action?: unknown }).action;
  return (CASE_ACTIONS as readonly unknown[]).includes(action) ? `case/${action as CaseAction}` : undefined;
};

export const requestActionRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/requests/:id/actions/:action',
    {
      config: { policy: caseActionPolicy },
      schema: {
        tags: ['requests'],
        summary:
          'Act on a case: correction, consultation, extension, fee, 第三十五条, decision; decide_correction answers a correction request (条例 第四十一条)',
        description:
          'Body: `expectedVersion` (the version you saw; a later change by someone else gives 409), optional `occurredOn` (the day it happened, default today), and `payload`, the fields of the action.',
        params: caseParams.extend({
          action: z.enum(CASE_ACTIONS, { error: `办理事项应为 ${CASE_ACTIONS.join('、')} 之一` }),
        }),
        body: caseActionBody,
        response: {
          200: actionResultSchema,
          ...writeErrors,
        },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
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
      config: { policy: 'requests/record_review' },
      schema: {
        tags: ['requests'],
        summary:
          'Record a reconsideration (行政复议) or lawsuit (行政诉讼) about this request, or its result',
        params: caseParams,
        body: reviewCaseBody,
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
      const ctx = commandContext(request, { db, calendars, clock });
      const recorded = await recordReviewCase(ctx, {
        agencyId,
        requestId: request.params.id,
        ...request.body,
      });
      return reply.code(201).send(recorded);
    },
  );
};
