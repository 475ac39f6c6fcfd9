/**
 * A site's settings (issue 13, docs/portal.md): `GET|PUT /api/v1/agencies/:code/site-settings`
 * (the agency's section: staff read, its 机关管理员 sets) and `GET|PUT /api/v1/site-settings` (the
 * whole portal: a platform administrator). Each save replaces the whole and is an event
 * `settings.site_set`; the portal shows it at once. `POST …/site-settings/images` uploads the
 * 党政机关网站 mark or the icon (JSON, base64) and points the setting at it (`settings.site_image_set`).
 */
import { z } from 'zod';
import { saveSiteSettings } from '../../../commands/site/save-site-settings.ts';
import { uploadSiteImage } from '../../../commands/site/upload-site-image.ts';
import { type SiteImageInput, siteImageBody, siteSettingsSchema } from '../../../contract/site-settings.ts';
import { siteSettings } from '../../../db/queries/site-settings.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext, installationContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { agencyCode, errorBody, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const writeErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const uploadErrors = { ...writeErrors, 413: errorBody, 415: errorBody };
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// the images are small (domain/site/images.ts); a bigger photo still reaches the command, which
// names the field and its limit
const IMAGE_BODY_LIMIT = 4 * 1024 * 1024;

/** The upload's bytes; 400 when its content is not base64. */
function imageOf(body: SiteImageInput) {
  if (!BASE64.test(body.contentBase64)) throw new AppError('validation', '文件内容应为 base64 编码。');
  return { field: body.field, fileName: body.fileName, bytes: Buffer.from(body.contentBase64, 'base64') };
}
// checked by the command (contract/site-settings.ts), whose messages name the fields in Chinese
const body = z
  .looseObject({})
  .describe('{ siteName, sponsor, organizer, siteCode, icp, psb, … }: see siteSettingsBody');

export const siteSettingsRoutes: RouteModule = async (app, options) => {
  const { db, files } = options;
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

  app.post(
    '/api/v1/agencies/:code/site-settings/images',
    {
      config: { policy: 'site/edit' },
      bodyLimit: IMAGE_BODY_LIMIT,
      schema: {
        tags: ['agencies'],
        summary: "Upload the agency's 党政机关网站 mark or icon (agency admin); type checked by content",
        params: z.object({ code: agencyCode }),
        body: siteImageBody,
        response: { 200: siteSettingsSchema, ...uploadErrors },
      },
    },
    async (request) =>
      uploadSiteImage(commandContext(request, options), files, {
        agencyId: agencyOf(request).id,
        ...imageOf(request.body),
      }),
  );

  app.post(
    '/api/v1/site-settings/images',
    {
      config: { policy: 'platform' },
      bodyLimit: IMAGE_BODY_LIMIT,
      schema: {
        tags: ['agencies'],
        summary: "Upload the installation's 党政机关网站 mark or icon (platform administrator)",
        body: siteImageBody,
        response: { 200: siteSettingsSchema, ...uploadErrors },
      },
    },
    async (request) =>
      uploadSiteImage(installationContext(request, options), files, {
        agencyId: null,
        ...imageOf(request.body),
      }),
  );
};
