/**
 * Security headers on every response (no extra package): no MIME sniffing, no framing, a strict
 * Content-Security-Policy for our pages (no script at all; the portal's stylesheet and the
 * report's scoped styles). The API docs bring their own CSP.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_PREFIX } from './console/paths.ts';

/** Our pages load nothing from elsewhere and run no script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** The staff console (a React app): its own scripts and styles, nothing from elsewhere. */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The path under which @fastify/swagger-ui serves the API documentation. */
export const DOCS_PREFIX = '/api/docs';

/** onSend hook: sets the security headers; the payload passes through unchanged. */
export async function securityHeaders<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: T,
): Promise<T> {
  reply.headers(HEADERS);
  const path = request.url.split('?')[0];
  if (path === CONSOLE_PREFIX || path.startsWith(`${CONSOLE_PREFIX}/`)) {
    reply.header('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY);
  } else if (path !== DOCS_PREFIX && !path.startsWith(`${DOCS_PREFIX}/`)) {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  }
  return payload;
}
