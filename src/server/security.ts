/**
 * Security headers by @fastify/helmet: no MIME sniffing, no framing, strict referrer and
 * cross-origin policies, and a Content-Security-Policy by path:
 * - our pages and the API: no script at all (`default-src 'none'`, the portal's stylesheet and the
 *   report's scoped styles, own images);
 * - the API documentation (`/api/docs`): @fastify/swagger-ui's own policy (it runs its script);
 * - the staff console (`/console`, static files built by Vite): its own script and styles only.
 * HSTS only over https (directly or behind a proxy saying so, with trustProxy).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_PREFIX } from './console/paths.ts';

/** The staff console: its own bundled script and styles (Ant Design injects style elements). */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The path under which @fastify/swagger-ui serves the API documentation. */
export const DOCS_PREFIX = '/api/docs';

const HSTS = 'max-age=31536000; includeSubDomains';
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), interest-cohort=()';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Helmet's headers for every response, then the CSP of the path, Permissions-Policy and HSTS. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // https: for the 党政机关网站 mark, which sites show from its issuer's server (docs/portal.md)
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (under(path, DOCS_PREFIX)) reply.raw.removeHeader('content-security-policy');
    else if (under(path, CONSOLE_PREFIX))
      reply.raw.setHeader('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY);
    reply.raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS);
  });
}
