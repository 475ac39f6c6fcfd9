/**
 * 条例 第四十三条：“申请公开政府信息的公民存在阅读困难或者视听障碍的，行政机关应当为其提供必要的帮助。”
 * `POST …/requests/:id/assistance` records on a case the applicant's difficulties and the help given
 * (operator; an event before → after). Staff see it on the case and as a tag in the queue; the
 * public tracking page never shows it.
 */
import { recordAssistance } from '../../../commands/requests/record-assistance.ts';
import { assistanceRecordBody, assistanceRecordedSchema } from '../../../contract/request-inputs.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { caseParams, errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const requestAssistanceRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.post(
    '/api/v1/agencies/:code/requests/:id/assistance',
    {
      config: { policy: 'requests/record_assistance' },
      schema: {
        tags: ['requests'],
        summary:
          'Record the help given to an applicant with reading, sight or hearing difficulties (条例 第四十三条)',
        params: caseParams,
        body: assistanceRecordBody,
        response: {
          200: assistanceRecordedSchema,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
        },
      },
    },
    async (request) => {
      const { expectedVersion, ...assistance } = request.body;
      return recordAssistance(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        requestId: request.params.id,
        expectedVersion,
        assistance,
      });
    },
  );
};
