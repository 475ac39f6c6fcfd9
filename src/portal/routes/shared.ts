/** What the portal's route files share: HTML replies (kept or not) and the agency lookup. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { pageContext } from '../context.ts';
import { type KeptPage, matchesEtag, type PageCache, type PageOutcome } from '../page-cache.ts';
import { type AgencyProfile, findAgencyProfile } from '../queries/catalog.ts';
import type { PageContext } from '../views/layout.ts';
import type { PortalCaches } from './index.ts';

const PUBLIC_PAGE = 'public, max-age=60';

/** Sends a page; public pages may be kept a minute by browsers (they vary with the text-size cookie). */
export function sendPage(reply: FastifyReply, html: string, options: { private?: boolean } = {}) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', options.private ? 'no-store' : PUBLIC_PAGE)
    .header('vary', 'Cookie')
    .send(html);
}

/** The page cache's key of a request: all a page's bytes depend on besides the data. */
function pageKey(context: PageContext): string {
  return `${context.large ? 'L' : 'N'} ${context.site?.origin ?? ''} ${context.url}`;
}

function sendKept(request: FastifyRequest, reply: FastifyReply, kept: KeptPage) {
  if ('redirect' in kept) return reply.redirect(kept.redirect, 303);
  reply
    .type('text/html; charset=utf-8')
    .header('cache-control', PUBLIC_PAGE)
    .header('vary', 'Cookie')
    .header('etag', kept.etag);
  if (matchesEtag(request.headers['if-none-match'], kept.etag)) return reply.code(304).send();
  return reply.send(kept.body);
}

/**
 * Sends a public page from the page cache (page-cache.ts), keyed by all its bytes depend on — the
 * address, the larger-text mode and the site's origin — or made by `render` with the request's page
 * context: the HTML (sent as `sendPage` does, with its ETag; 304 when the browser has it) or a
 * redirect (303). Errors `render` throws are the route's, as before; nothing is kept of them.
 */
export async function sendKeptPage(
  request: FastifyRequest,
  reply: FastifyReply,
  pages: PageCache,
  render: (context: PageContext) => Promise<PageOutcome>,
) {
  const context = pageContext(request);
  return sendKept(request, reply, await pages.get(pageKey(context), () => render(context)));
}

/**
 * A route's onRequest hook that answers a request whose page is kept before anything else of the
 * route runs (its validation, its handler). Only what `sendKeptPage` rendered is ever kept, which
 * was valid: any other request goes on to the route as before.
 */
export function answerKeptPage(pages: PageCache) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET') return;
    const kept = pages.peek(pageKey(pageContext(request)));
    if (kept) return sendKept(request, reply, kept);
  };
}

/** The agency of a code (kept a little while), or not_found. */
export async function agencyOrNotFound(db: Db, caches: PortalCaches, code: string): Promise<AgencyProfile> {
  const agency = await caches.profiles.get(code, () => findAgencyProfile(db, code));
  if (!agency) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关，请从首页选择机关。`);
  return agency;
}
