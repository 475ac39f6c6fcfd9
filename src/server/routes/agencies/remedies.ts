/**
 * `GET|PUT /api/v1/agencies/:code/remedies`: where the agency's answers send the applicant — the
 * 行政复议机关 (复议法 第二十三条第二款), the court (诉讼法 第四十六条), the complaint channel (条例
 * 第四十七条第二款). Staff read it; an agency admin sets it (an event per change). An answer letter
 * cannot be issued until the review body is set.
 */
import { z } from 'zod';
import { agencyRemedies, setAgencyRemedies } from '../../../commands/agencies/set-remedies.ts';
import { agencyRemediesSchema } from '../../../contract/agency-remedies.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { agencyCode, errorBody, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const remediesRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.get(
    '/api/v1/agencies/:code/remedies',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['requests'],
        summary: "The agency's remedies settings: review body, court, complaint channel ('' when not set)",
        params: z.object({ code: agencyCode }),
        response: { 200: agencyRemediesSchema, ...readErrors },
      },
    },
    async (request) => agencyRemedies(db.kysely, agencyOf(request).id),
  );

  app.put(
    '/api/v1/agencies/:code/remedies',
    {
      config: { policy: 'letters/edit_remedies' },
      schema: {
        tags: ['requests'],
        summary: "Set the agency's review body, court and complaint channel (agency admin)",
        params: z.object({ code: agencyCode }),
        // checked by the command (contract/agency-remedies.ts), whose messages name the fields in Chinese
        body: z.looseObject({}).describe('{ reviewBody, court, complaintChannel? }: see agencyRemediesBody'),
        response: {
          200: agencyRemediesSchema,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) =>
      setAgencyRemedies(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        remedies: request.body,
      }),
  );
};
