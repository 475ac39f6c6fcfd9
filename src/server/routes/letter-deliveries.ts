/** Recording that a letter of a case went to the applicant (送达): method, day, tracking number, note. */
import { z } from 'zod';
import { recordLetterSent } from '../../commands/requests/record-letter-sent.ts';
import { DELIVERY_METHODS } from '../../domain/letters/delivery.ts';
import { agencyOf } from '../actor.ts';
import { commandContext } from '../command-context.ts';
import { caseParams, errorBody, rowId } from './schemas.ts';
import type { RouteModule } from './types.ts';

export const letterDeliveryRoutes: RouteModule = async (app, { db, calendars, now }) => {
  app.post(
    '/api/v1/agencies/:code/requests/:id/letters/:letterId/delivery',
    {
      schema: {
        tags: ['requests'],
        summary:
          'Record that a letter was sent to the applicant (operator): post with tracking number, e-mail, in person or online; a case event',
        params: caseParams.extend({ letterId: rowId('文书编号') }),
        body: z.object({
          expectedVersion: z.number({ error: '版本号应为您看到的版本（整数）' }).int().min(0),
          // checked by the domain (checkDelivery) for a Chinese message naming the field
          method: z.string({ error: '请选择送达方式' }).max(32).describe(DELIVERY_METHODS.join(' | ')),
          sentOn: z.string({ error: '请填写送达日期（YYYY-MM-DD）' }).max(32),
          trackingNo: z.string().max(64, { error: '邮件单号最长 40 位' }).nullish(),
          note: z.string().max(2000, { error: '备注最长 500 个字' }).nullish(),
        }),
        response: {
          200: z.object({
            letterId: z.number().int(),
            version: z.number().int(),
            method: z.enum(DELIVERY_METHODS),
            sentOn: z.string(),
            trackingNo: z.string().nullable(),
            note: z.string().nullable(),
          }),
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
      return recordLetterSent(ctx, {
        ...request.body,
        agencyId,
        requestId: request.params.id,
        letterId: request.params.letterId,
      });
    },
  );
};
