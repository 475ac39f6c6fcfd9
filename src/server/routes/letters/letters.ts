/**
 * Letters: the files kept with a case's events (staff, and the applicant by tracking code), and the
 * agency's templates (staff read them; an agency admin edits them, validated before they are saved).
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { letterDocx, templateOf } from '../../../commands/requests/issue-letter.ts';
import { saveLetterTemplate } from '../../../commands/requests/save-letter-template.ts';
import { letterTemplateBody } from '../../../contract/request-inputs.ts';
import type { Db } from '../../../db/connection.ts';
import { letterFields } from '../../../domain/letters/fields.ts';
import { LETTER_KINDS, letterKindLabel } from '../../../domain/letters/kinds.ts';
import { defaultTemplate } from '../../../domain/letters/templates.ts';
import { normalizeTrackingCode } from '../../../domain/requests/identifiers.ts';
import { NARROW_SCREEN_CSS } from '../../../render/html-style.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { trackingRateLimit } from '../../tracking-guard.ts';
import { agencyCode, errorBody, readErrors, rowId } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};
const format = z.enum(['docx', 'html'], { error: '格式应为 docx 或 html' });
const letterId = rowId('文书编号');

/**
 * A stored letter page with the phone styles (screen only, the letter's text untouched): letters
 * stored before NARROW_SCREEN_CSS existed get it when shown.
 */
export function withNarrowScreenCss(page: string): string {
  if (page.includes(NARROW_SCREEN_CSS) || !page.includes('</head>')) return page;
  return page.replace('</head>', `<style>${NARROW_SCREEN_CSS}</style></head>`);
}

async function sendLetter(
  db: Db,
  reply: FastifyReply,
  where: { letterId: number; requestId: number },
  as: 'docx' | 'html',
) {
  const letter = await db.kysely
    .selectFrom('letters')
    .select(['id', 'file_name', 'html', 'docx', 'source'])
    .where('id', '=', where.letterId)
    .where('request_id', '=', where.requestId)
    .executeTakeFirst();
  if (!letter) throw new AppError('not_found', '未找到该文书。');
  const fileName = letter.file_name.replace(/\.docx$/, `.${as}`);
  return (
    reply
      .type(FORMATS[as])
      // HTML opens in the browser (在线查看); DOCX is saved (下载)
      .header(
        'content-disposition',
        contentDisposition(
          fileName,
          `letter-${where.letterId}.${as}`,
          as === 'html' ? 'inline' : 'attachment',
        ),
      )
      .header('cache-control', 'private, no-store')
      .send(as === 'docx' ? await letterDocx(db.kysely, letter) : withNarrowScreenCss(letter.html))
  );
}

export const letterRoutes: RouteModule = async (
  app,
  { db, calendars, clock, trackingLimits, trackingGuard },
) => {
  app.get(
    '/api/v1/agencies/:code/requests/:id/letters/:letterId.:format',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['requests'],
        summary: 'A letter of a case as DOCX or HTML (staff)',
        params: z.object({ code: agencyCode, id: rowId('申请编号'), letterId, format }),
        response: { ...readErrors },
      },
    },
    async (request, reply) => {
      const agencyId = agencyOf(request).id;
      const owned = await db.kysely
        .selectFrom('requests')
        .select('id')
        .where('id', '=', request.params.id)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      if (!owned) throw new AppError('not_found', '未找到该申请。');
      return sendLetter(
        db,
        reply,
        { letterId: request.params.letterId, requestId: owned.id },
        request.params.format,
      );
    },
  );

  app.get(
    '/api/v1/track/:trackingCode/letters/:letterId.:format',
    {
      config: { rateLimit: trackingRateLimit(trackingLimits) },
      schema: {
        tags: ['public'],
        summary: 'A letter sent to the applicant, by tracking code (DOCX or HTML)',
        params: z.object({ trackingCode: z.string().max(64), letterId, format }),
        response: { 404: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      await trackingGuard.check(request.ip, clock.now(), reply);
      const missing = new AppError('not_found', '未找到该文书，请核对查询码。');
      const trackingCode = normalizeTrackingCode(request.params.trackingCode);
      const owner = trackingCode
        ? await db.kysely
            .selectFrom('requests')
            .select('id')
            .where('tracking_code', '=', trackingCode)
            .executeTakeFirst()
        : undefined;
      if (!owner) {
        await trackingGuard.recordFailure(request.ip, clock.now());
        throw missing;
      }
      return sendLetter(
        db,
        reply,
        { letterId: request.params.letterId, requestId: owner.id },
        request.params.format,
      );
    },
  );

  app.get(
    '/api/v1/agencies/:code/letter-templates',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['requests'],
        summary: "The agency's letter templates (its own or the default), with the placeholders each may use",
        params: z.object({ code: agencyCode }),
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const templates = [];
      for (const kind of LETTER_KINDS) {
        const template = await templateOf(db.kysely, agencyId, kind);
        templates.push({
          kind,
          label: letterKindLabel(kind),
          template,
          isDefault: template === defaultTemplate(kind),
          fields: letterFields(kind).map((f) => ({ path: f.path, label: f.label })),
        });
      }
      return { templates };
    },
  );

  app.put(
    '/api/v1/agencies/:code/letter-templates/:kind',
    {
      config: { policy: 'letters/edit_templates' },
      schema: {
        tags: ['requests'],
        summary:
          "Replace one of the agency's letter templates (agency admin); an empty template restores the default",
        params: z.object({
          code: agencyCode,
          kind: z.enum(LETTER_KINDS, { error: `文书类型应为 ${LETTER_KINDS.join('、')} 之一` }),
        }),
        body: letterTemplateBody,
        response: {
          200: z.object({ kind: z.enum(LETTER_KINDS), isDefault: z.boolean() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const ctx = commandContext(request, { db, calendars, clock });
      return saveLetterTemplate(ctx, {
        agencyId,
        kind: request.params.kind,
        template: request.body.template,
      });
    },
  );
};
