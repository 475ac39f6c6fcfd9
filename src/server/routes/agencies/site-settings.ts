/**
 * A site's settings (issue 13, docs/portal.md): `GET|PUT /api/v1/agencies/:code/site-settings`
 * (the agency's section: staff read, its 机关管理员 sets) and `GET|PUT /api/v1/site-settings` (the
 * whole portal: a platform administrator). Each save replaces the whole and is an event
 * `settings.site_set`; the portal shows it at once.
 */
import { z } from 'zod';
import { saveSiteSettings } from '../../../commands/site/save-site-settings.ts';
import { siteSettingsSchema } from '../../../contract/site-settings.ts';
import { siteSettings } from '../../../db/queries/site-settings.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext, installationContext } from '../../command-context.ts';
import { agencyCode, errorBody, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const writeErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
// checked by the command (contract/site-settings.ts), whose messages name the fields in Chinese
const body = z
  .looseObject({})
  .describe('{ siteName, sponsor, organizer, siteCode, icp, psb, … }: see siteSettingsBody');

export const siteSettingsRoutes: RouteModule = async (app, options) => {
  const { db } = options;
  app.get(
    '/api/v1/agencies/:code/site-settings',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['agencies'],
        summary: "The agency's site settings: 网站名称, 主办单位, 备案号… ('' when not set)",
        params: z.object({ code: agencyCode }),
        response: { 200: siteSettingsSchema, ...readErrors },
      },
    },
    async (request) => siteSettings(db.kysely, agencyOf(request).id),
  );

  app.put(
    '/api/v1/agencies/:code/site-settings',
    {
      config: { policy: 'site/edit' },
      schema: {
        tags: ['agencies'],
        summary: "Set the agency's site settings (agency admin)",
        params: z.object({ code: agencyCode }),
        body,
        response: { 200: siteSettingsSchema, ...writeErrors },
      },
    },
    async (request) =>
      saveSiteSettings(commandContext(request, options), {
        agencyId: agencyOf(request).id,
        settings: request.body,
      }),
  );

  app.get(
    '/api/v1/site-settings',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['agencies'],
        summary: "The installation's site settings (platform administrator)",
        response: { 200: siteSettingsSchema, ...readErrors },
      },
    },
    async () => siteSettings(db.kysely, null),
  );

  app.put(
    '/api/v1/site-settings',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['agencies'],
        summary: "Set the installation's site settings (platform administrator)",
        body,
        response: { 200: siteSettingsSchema, ...writeErrors },
      },
    },
    async (request) =>
      saveSiteSettings(installationContext(request, options), { agencyId: null, settings: request.body }),
  );
};
