/**
 * Proposals to publish proactively (条例 第四十四条): the year's list (any staff of the agency), 纳入
 * (an operator opens a draft item linked to the requests), 不纳入 with a reason (the approver), and an
 * applicant's suggestion recorded on a case (an operator, 第二款).
 */
import { z } from 'zod';
import { declineProposal } from '../../../commands/requests/decline-proposal.ts';
import { includeProposal } from '../../../commands/requests/include-proposal.ts';
import { recordPublishSuggestion } from '../../../commands/requests/record-publish-suggestion.ts';
import {
  declineProposalBody,
  includeProposalBody,
  proposalDeclinedSchema,
  proposalIncludedSchema,
  proposalListSchema,
  proposalsQuery,
  suggestionBody,
  suggestionSchema,
} from '../../../contract/proposals.ts';
import { listProposals, suggestionOf } from '../../../db/queries/publication-proposals.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { agencyCode, caseParams, errorBody, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const requestProposalRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.get(
    '/api/v1/agencies/:code/requests/proposals',
    {
      schema: {
        tags: ['requests'],
        summary:
          '条例第四十四条: the year’s requests for the same information (and applicants’ suggestions) proposed for 主动公开',
        params: z.object({ code: agencyCode }),
        querystring: proposalsQuery,
        response: { 200: proposalListSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const year = request.query.year ?? Number(clock.today().slice(0, 4));
      return listProposals(db, agencyId, year, request.query.status);
    },
  );

  app.post(
    '/api/v1/agencies/:code/requests/proposals/include',
    {
      schema: {
        tags: ['requests'],
        summary: '纳入主动公开: open a draft item linked to the proposal’s requests (operator)',
        params: z.object({ code: agencyCode }),
        body: includeProposalBody,
        response: { 201: proposalIncludedSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(request, { db, calendars, clock });
      const included = await includeProposal(ctx, { agencyId: agencyOf(request).id, ...request.body });
      return reply.code(201).send(included);
    },
  );

  app.post(
    '/api/v1/agencies/:code/requests/proposals/decline',
    {
      schema: {
        tags: ['requests'],
        summary:
          '不纳入主动公开, with the reason: the proposal does not come back for the same requests (approver)',
        params: z.object({ code: agencyCode }),
        body: declineProposalBody,
        response: { 201: proposalDeclinedSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(request, { db, calendars, clock });
      const declined = await declineProposal(ctx, { agencyId: agencyOf(request).id, ...request.body });
      return reply.code(201).send(declined);
    },
  );

  app.put(
    '/api/v1/agencies/:code/requests/:id/publish-suggestion',
    {
      schema: {
        tags: ['requests'],
        summary:
          '条例第四十四条第二款: record the applicant’s suggestion to publish, with its reasons (operator)',
        params: caseParams,
        body: suggestionBody,
        response: {
          200: z.object({ requestId: z.number().int(), suggestion: suggestionSchema }),
          ...writeErrors,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(request, { db, calendars, clock });
      const recorded = await recordPublishSuggestion(ctx, {
        agencyId: agencyOf(request).id,
        requestId: request.params.id,
        ...request.body,
      });
      const suggestion = suggestionOf(JSON.stringify(recorded.suggestion));
      return {
        requestId: recorded.requestId,
        suggestion: suggestion ?? { reasons: [], reasonLabels: [], note: '' },
      };
    },
  );
};
