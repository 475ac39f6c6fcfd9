/**
 * The 政府信息公开指南 (with the paper 申请表 as DOCX and PDF) and the 公开制度 page. The guide reads
 * the agency's particulars, 查阅场所 and remedies on each request (three small indexed reads), so a
 * change in the console shows at once; the paper form is kept per agency and particulars.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { agencyRemedies } from '../../commands/agencies/set-remedies.ts';
import type { Db } from '../../db/connection.ts';
import { agencyGuide, columnNote, listReadingPoints } from '../../db/queries/guide.ts';
import { listItems } from '../../db/queries/items.ts';
import { RULES_COLUMN } from '../../domain/guide/column-notes.ts';
import { renderApplicationFormDocx } from '../../render/application-form/docx.ts';
import { renderApplicationFormHtml } from '../../render/application-form/html.ts';
import type { PaperFormAgency } from '../../render/application-form/paper-form.ts';
import { renderReportPdf } from '../../render/pdf.ts';
import { agencyCode } from '../../server/routes/schemas.ts';
import type { RouteOptions } from '../../server/routes/types.ts';
import { ttlCache } from '../cache.ts';
import { pageContext } from '../context.ts';
import { type GuideData, renderGuide } from '../views/guide.ts';
import { renderRules } from '../views/section.ts';
import type { PortalApp, PortalCaches } from './index.ts';
import { agencyOrNotFound, sendPage } from './shared.ts';

const codeParams = z.object({ code: agencyCode });
const FORM_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
/** The instant stamped in the form's DOCX: the same particulars give the same bytes. */
const FORM_STAMP = new Date('2019-05-15T00:00:00Z');

/** What the guide page shows besides the agency's profile: its particulars, 查阅场所 and remedies. */
export async function loadGuideData(db: Db, agencyId: number): Promise<GuideData> {
  return {
    guide: await agencyGuide(db.kysely, agencyId),
    points: await listReadingPoints(db.kysely, agencyId),
    remedies: await agencyRemedies(db.kysely, agencyId),
  };
}

/** Registers the guide, its paper form and the rules page. */
export function guidePages(app: PortalApp, { db }: RouteOptions, caches: PortalCaches): void {
  const forms = ttlCache<Buffer>(100, 10 * 60 * 1000);

  app.get('/agencies/:code/gongkai/guide', { schema: { params: codeParams } }, async (request, reply) => {
    const agency = await agencyOrNotFound(db, caches, request.params.code);
    const data = await loadGuideData(db, agency.id);
    return sendPage(reply, renderGuide(agency, data, pageContext(request)));
  });

  for (const format of ['docx', 'pdf'] as const)
    app.get(
      `/agencies/:code/gongkai/guide/application-form.${format}`,
      { schema: { params: codeParams } },
      async (request, reply) => {
        const agency = await agencyOrNotFound(db, caches, request.params.code);
        const guide = await agencyGuide(db.kysely, agency.id);
        const addressed: PaperFormAgency = {
          name: agency.name,
          office: guide.office,
          address: guide.address,
          postcode: guide.postcode,
          phone: guide.phone,
        };
        const key = `${format}:${createHash('sha256').update(JSON.stringify(addressed)).digest('hex')}`;
        const bytes = await forms.get(key, () =>
          format === 'docx'
            ? renderApplicationFormDocx(addressed, FORM_STAMP)
            : renderReportPdf(renderApplicationFormHtml(addressed)),
        );
        const name = encodeURIComponent(`政府信息公开申请表（${agency.name}）.${format}`);
        return reply
          .type(FORM_TYPES[format])
          .header(
            'content-disposition',
            `attachment; filename="application-form.${format}"; filename*=UTF-8''${name}`,
          )
          .header('cache-control', 'public, max-age=300')
          .send(bytes);
      },
    );

  app.get('/agencies/:code/gongkai/rules', { schema: { params: codeParams } }, async (request, reply) => {
    const agency = await agencyOrNotFound(db, caches, request.params.code);
    const own = await listItems(db, agency.id, {
      publishedOnly: true,
      column: RULES_COLUMN,
      limit: 100,
      offset: 0,
    });
    const lines = own.rows.map((r) => ({ ...r, agency_code: agency.code }));
    const note = own.rows.length === 0 ? await columnNote(db.kysely, agency.id, 'column', RULES_COLUMN) : '';
    return sendPage(reply, renderRules(agency, lines, note, pageContext(request)));
  });
}
