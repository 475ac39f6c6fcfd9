/**
 * The per-request facts of a page: its address and the 适老化 larger-text mode, which a cookie
 * (`gk_text=large`, set by `/text-size`) or, without cookies, the query `?text=large` turns on.
 */
import type { FastifyRequest } from 'fastify';
import type { PageContext } from './views/layout.ts';

/** The cookie the larger-text mode is kept in. */
export const TEXT_COOKIE = 'gk_text';

/** Whether the Cookie header turns the larger-text mode on. */
export function largeTextCookie(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(';').some((part) => part.trim() === `${TEXT_COOKIE}=large`);
}

/** The page context of a request. */
export function pageContext(request: FastifyRequest): PageContext {
  const query = request.query as Record<string, unknown> | undefined;
  return {
    url: request.url,
    large: query?.text === 'large' || largeTextCookie(request.headers.cookie),
  };
}

/** A local path to come back to: starts with one `/`, else the home page (no open redirect). */
export function localPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/';
  return value;
}
