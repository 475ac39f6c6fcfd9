/** Recording that a letter of a case went to the applicant (送达): method, day, tracking number, note. */

import { recordLetterSent } from '../../../commands/requests/record-letter-sent.ts';
import { deliveryRecordedSchema, letterDeliveryBody } from '../../../contract/request-inputs.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { caseParams, rowId, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const letterDeliveryRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/requests/:id/letters/:letterId/delivery',
    {
      config: { policy: 'requests/record_delivery' },
      schema: {
        tags: ['requests'],
        summary:
          'Record that a letter was sent to the applicant (operator): post with tracking number, e-mail, in person or online; a case event',
        params: caseParams.extend({ letterId: rowId('文书编号') }),
        body: letterDeliveryBody,
        response: {
          200: deliveryRecordedSchema,
          ...writeErrors,
        },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      return recordLetterSent(ctx, {
        ...request.body,
        agencyId,
        requestId: request.params.id,
        letterId: request.params.letterId,
      });
    },
  );
};
