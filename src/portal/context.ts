/**
 * The per-request facts of a page: its address and the 适老化 larger-text mode, which a cookie
 * (`gk_text=large`, set by `/text-size`) or, without cookies, the query `?text=large` turns on.
 */
import type { FastifyRequest } from 'fastify';
import { DEFAULT_SITE_IDENTITY, type SiteIdentity } from '../domain/site/settings.ts';
import type { PageContext } from './views/layout.ts';

/** The cookie the larger-text mode is kept in. */
export const TEXT_COOKIE = 'gk_text';

/** Whether the Cookie header turns the larger-text mode on. */
export function largeTextCookie(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(';').some((part) => part.trim() === `${TEXT_COOKIE}=large`);
}

/** Whether an address's query asks for the larger text (`text=large`). */
export function largeTextQuery(url: string): boolean {
  return /[?&]text=large(?:&|#|$)/.test(url);
}

/**
 * The page context of a request. The query is read from the address, not `request.query`: a route's
 * schema drops what it does not name, and the context must be the same before validation (a kept
 * page is answered then, routes/shared.ts) as after.
 */
export function pageContext(request: FastifyRequest): PageContext {
  return {
    url: request.url,
    large: largeTextQuery(request.url) || largeTextCookie(request.headers.cookie),
    site: siteOfRequest(request),
  };
}

/**
 * The request's site identity; where the settings name no address, the address the request came
 * to (behind a trusted proxy, its X-Forwarded-Host and -Proto), so SiteDomain and absolute URLs are right.
 */
export function siteOfRequest(request: FastifyRequest): SiteIdentity {
  const site = request.site ?? DEFAULT_SITE_IDENTITY;
  if (site.origin) return site;
  const host = request.host;
  return { ...site, domain: host, origin: `${request.protocol}://${host}` };
}

/** Whether a text holds a control character (a tab or a newline inside a URL is read around by browsers). */
const hasControl = (text: string): boolean =>
  [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * A local path to come back to: its normalised form (dot segments resolved, as the browser will
 * read the redirect) starts with exactly one `/`; anything else is the home page (no open redirect:
 * `/.//evil.example` normalises to `//evil.example`, which a browser reads as another site).
 */
export function localPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.includes('\\') || hasControl(value))
    return '/';
  let url: URL;
  try {
    url = new URL(value, 'http://portal.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://portal.invalid' || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}`;
}
