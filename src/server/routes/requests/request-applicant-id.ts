/**
 * The applicant's full ID number (staff views show it masked): for an operator or approver of the
 * agency, each view logged (sensitive_views and a case event). POST, not GET: it writes the log,
 * needs the CSRF token, and is never prefetched or cached.
 */
import { z } from 'zod';
import { viewApplicantId } from '../../../commands/requests/view-applicant-id.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { caseParams, errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const requestApplicantIdRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/requests/:id/applicant-id',
    {
      config: { policy: 'requests/view_applicant_id' },
      schema: {
        tags: ['requests'],
        summary: 'The applicant’s full ID number (operator or approver); every view is logged',
        params: caseParams,
        response: {
          200: z.object({ idType: z.string().nullable(), idNumber: z.string().nullable() }),
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
        },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      return viewApplicantId(ctx, {
        agencyId,
        requestId: request.params.id,
        ip: request.ip,
      });
    },
  );
};
