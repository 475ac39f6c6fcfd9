/**
 * 网站自查 “Links” (死链, issue 15, docs/inspection.md): `GET /api/v1/agencies/:code/inspection/links`
 * (the latest check on or before ?day= with its dead links and the pages holding each; staff and
 * supervisors read) and `POST …/inspection/links/check` (its 机关管理员: crawls the agency's portal
 * in-process, and checks external links when GONGKAI_LINKS_EXTERNAL is on; stores the day).
 */
import { z } from 'zod';
import { checkLinks } from '../../../commands/inspection/check-links.ts';
import { errorBody } from '../../../contract/common.ts';
import { inspectionQuery, linkCheckSchema } from '../../../contract/inspection.ts';
import { deadLinksOf, latestLinkCheck } from '../../../db/queries/links.ts';
import { portalRequester } from '../../../links/portal-request.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { linkCheckJson } from '../../presenters/links.ts';
import { agencyCode, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const codeParams = z.object({ code: agencyCode });

export const inspectionLinkRoutes: RouteModule = async (app, options) => {
  const { db, clock } = options;

  app.get(
    '/api/v1/agencies/:code/inspection/links',
    {
      config: { policy: 'inspection/view' },
      schema: {
        tags: ['agencies'],
        summary:
          '网站自查 死链: the latest link check on or before ?day= with its dead links and their pages',
        params: codeParams,
        querystring: inspectionQuery,
        response: { 200: linkCheckSchema, 400: errorBody, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const check = await latestLinkCheck(db.kysely, agencyId, request.query.day ?? clock.today());
      return linkCheckJson(check, check ? await deadLinksOf(db.kysely, agencyId, check.day) : []);
    },
  );

  app.post(
    '/api/v1/agencies/:code/inspection/links/check',
    {
      config: { policy: 'inspection/run' },
      schema: {
        tags: ['agencies'],
        summary:
          "网站自查 死链: check the agency's links today — its portal in-process, external links when enabled (agency admin)",
        params: codeParams,
        response: { 200: linkCheckSchema, ...writeErrors },
      },
    },
    async (request) => {
      const agency = agencyOf(request);
      await checkLinks(commandContext(request, options), {
        agencyId: agency.id,
        agencyCode: agency.code,
        portal: portalRequester(app),
        files: options.files,
        settings: options.linkCheck,
        fetch: options.linkFetch,
      });
      const check = await latestLinkCheck(db.kysely, agency.id, clock.today());
      return linkCheckJson(check, check ? await deadLinksOf(db.kysely, agency.id, check.day) : []);
    },
  );
};
