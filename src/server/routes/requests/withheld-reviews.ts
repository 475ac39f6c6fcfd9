/**
 * `GET /api/v1/agencies/:code/withheld-reviews/:year` and `POST …/:year/decisions`: 条例 第十八条's
 * yearly review of information withheld under 第十六条 (“……对本行政机关不予公开的政府信息进行定期评估审查，
 * 对因情势变化可以公开的政府信息应当公开。”). The agency's staff read the list; a reviewer, approver or
 * agency admin decides 继续不予公开 or 转为公开 (a draft item), each decision an event.
 */
import { z } from 'zod';
import { readWithheldReview } from '../../../commands/requests/read-withheld-review.ts';
import { reviewWithheld } from '../../../commands/requests/review-withheld.ts';
import { withheldReviewEntrySchema, withheldReviewListSchema } from '../../../contract/withheld-reviews.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { agencyCode, readErrors, reportYear, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const params = z.object({ code: agencyCode, year: reportYear });

export const withheldReviewRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.get(
    '/api/v1/agencies/:code/withheld-reviews/:year',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['requests'],
        summary:
          "条例第十八条: the year's list of information withheld under 第十六条, with each decision and the summary",
        params,
        response: { 200: withheldReviewListSchema, ...readErrors },
      },
    },
    async (request) => readWithheldReview(db.kysely, agencyOf(request).id, request.params.year),
  );

  app.post(
    '/api/v1/agencies/:code/withheld-reviews/:year/decisions',
    {
      config: { policy: 'requests/review_withheld' },
      schema: {
        tags: ['requests'],
        summary:
          '条例第十八条: decide 继续不予公开 (kept) or 转为公开 (disclosed: opens a draft item); a correction names `replaces`',
        params,
        // checked by the command (contract/withheld-reviews.ts), whose messages name the fields in Chinese
        body: z
          .looseObject({})
          .describe(
            '{ requestId, part?, decision: kept | disclosed, reason, replaces?, category? }: see withheldReviewBody',
          ),
        response: { 200: withheldReviewEntrySchema, ...writeErrors },
      },
    },
    async (request) =>
      reviewWithheld(commandContext(request, { db, calendars, clock }), {
        agencyId: agencyOf(request).id,
        year: request.params.year,
        body: request.body,
      }),
  );
};
