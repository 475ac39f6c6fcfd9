/**
 * The site's own files and pages (issue 13): `/favicon.ico` (the installation's icon, else the
 * portal's own), `/robots.txt`, `/sitemap.xml` (sitemaps.org; an index of `/sitemap-N.xml` beyond
 * 50,000 URLs, written as the items are read), the 网站地图 page `/sitemap`, and the images the
 * settings point at, `/site-files/<sha256>.<ext>` (the mark, the icon: only those uploaded as such,
 * site_files; their address names their content, so they are cached for a year).
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { parseSiteFileUrl } from '../../domain/site/images.ts';
import { AppError } from '../../errors.ts';
import type { RouteOptions } from '../../server/routes/types.ts';
import { pageContext, siteOfRequest } from '../context.ts';
import { faviconIco } from '../favicon.ts';
import { fixedEntries, itemEntries, loadSiteMap, publishedItemCount } from '../queries/sitemap.ts';
import {
  fileRange,
  planSitemap,
  robotsTxt,
  type SitemapEntry,
  sitemapIndex,
  URLSET_CLOSE,
  URLSET_OPEN,
  urlElement,
} from '../sitemap.ts';
import { renderSitemap } from '../views/sitemap.ts';
import type { PortalApp } from './index.ts';
import { sendPage } from './shared.ts';

const ICON = faviconIco();
const HOUR = 3600;
const YEAR = 365 * 24 * HOUR;

async function* urlset(
  db: Db,
  origin: string,
  fixed: SitemapEntry[],
  range: { skipItems: number; takeItems: number },
): AsyncGenerator<string> {
  yield URLSET_OPEN;
  yield fixed.map((e) => urlElement(origin, e)).join('');
  for await (const chunk of itemEntries(db, range.skipItems, range.takeItems))
    yield chunk.map((e) => urlElement(origin, e)).join('');
  yield URLSET_CLOSE;
}

/** XML out, a string or a stream of the generator's text (written as it is read). */
const sendXml = (reply: FastifyReply, body: string | AsyncGenerator<string>) =>
  reply
    .type('application/xml; charset=utf-8')
    .header('cache-control', `public, max-age=${HOUR}`)
    .send(typeof body === 'string' ? body : Readable.from(body, { objectMode: false }));

/** Registers the site's files and the site map page. */
export function sitePages(app: PortalApp, { db, files }: RouteOptions, limit: number): void {
  app.get(
    '/site-files/:name',
    { schema: { params: z.object({ name: z.string().max(80) }) } },
    async (request, reply) => {
      const wanted = parseSiteFileUrl(`/site-files/${request.params.name}`);
      const row = wanted
        ? await db.kysely
            .selectFrom('site_files')
            .select(['sha256', 'storage_key', 'media_type', 'extension', 'size'])
            .where('sha256', '=', wanted.sha256)
            .executeTakeFirst()
        : undefined;
      if (!row || row.extension !== wanted?.extension || !(await files.exists(row.storage_key)))
        throw new AppError('not_found', '没有这个图片。');
      const etag = `"${row.sha256}"`;
      reply
        .header('cache-control', `public, max-age=${YEAR}, immutable`)
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply
        .type(row.media_type)
        .header('content-length', String(row.size))
        .send(await files.open(row.storage_key));
    },
  );

  app.get('/favicon.ico', async (request, reply) => {
    const site = siteOfRequest(request);
    if (site.favicon !== '/favicon.ico') return reply.redirect(site.favicon, 302);
    return reply
      .type('image/x-icon')
      .header('cache-control', `public, max-age=${24 * HOUR}`)
      .send(ICON);
  });

  app.get('/robots.txt', async (request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', `public, max-age=${HOUR}`)
      .send(robotsTxt(siteOfRequest(request).origin)),
  );

  app.get('/sitemap', async (request, reply) => {
    const map = await loadSiteMap(db);
    return sendPage(reply, renderSitemap(map.agencies, pageContext(request)));
  });

  app.get('/sitemap.xml', async (request, reply) => {
    const { origin } = siteOfRequest(request);
    const map = await loadSiteMap(db);
    const fixed = fixedEntries(map);
    const total = fixed.length + (await publishedItemCount(db));
    const plan = planSitemap(total, limit);
    if (plan.kind === 'index') return sendXml(reply, sitemapIndex(origin, plan.files, map.lastmod));
    return sendXml(reply, urlset(db, origin, fixed, { skipItems: 0, takeItems: total - fixed.length }));
  });

  app.get(
    '/sitemap-:file.xml',
    {
      schema: {
        params: z.object({ file: z.string().regex(/^\d{1,5}$/, { error: '网站地图文件编号应为数字' }) }),
      },
    },
    async (request, reply) => {
      const { origin } = siteOfRequest(request);
      const file = Number(request.params.file);
      const map = await loadSiteMap(db);
      const fixed = fixedEntries(map);
      const total = fixed.length + (await publishedItemCount(db));
      const plan = planSitemap(total, limit);
      if (plan.kind !== 'index' || file < 1 || file > plan.files)
        throw new AppError('not_found', '没有这个网站地图文件，请从 /sitemap.xml 开始。');
      const range = fileRange(file, fixed.length, total, limit);
      return sendXml(reply, urlset(db, origin, fixed.slice(range.fixedFrom, range.fixedTo), range));
    },
  );
}
