/**
 * Who is calling: the `gongkai_session` cookie's live session (src/accounts/sessions.ts), or —
 * only on a server built with `trustUserHeader: true` (tests, never `gongkai serve`) — the user
 * the `X-Gongkai-User` header names. `request.identity` is null for an anonymous caller.
 *
 * Also the request-level checks that depend on it (docs/security.md):
 * - CSRF: a state-changing request (POST, PUT, PATCH, DELETE) authenticated by the session cookie
 *   must carry the session's token in `X-CSRF-Token` (or a `_csrf` field of an urlencoded form),
 *   compared in constant time; else 403. Signing in is the one exception (there is no session yet).
 * - A state-changing API call with a body must send it as JSON (multipart and urlencoded forms,
 *   which a cross-site page can post, are refused with 415).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findSession } from '../accounts/sessions.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'gongkai_session';
export const CSRF_HEADER = 'x-csrf-token';
export const USER_HEADER = 'x-gongkai-user';

/** The caller, when known. */
export interface Identity {
  username: string;
  /** how the caller was identified */
  via: 'session' | 'header';
  /** the session's id, token and CSRF token (via session only) */
  session?: { id: number; token: string; csrfToken: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Routes a session-cookie request may change state on without the session's CSRF token: signing in
 * (there is no session yet), and the portal's 年报体检 form (multipart: its `_csrf` field is read
 * only by the handler, which checks the portal's form token, csrf.ts, for everyone).
 */
const CSRF_EXEMPT = new Set(['POST /api/v1/session', 'POST /check']);

/** Constant-time equality of two strings (false when the lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The CSRF token a request carries: the header, or an urlencoded form's `_csrf` field. */
function carriedCsrfToken(request: FastifyRequest): string | undefined {
  const header = headerValue(request, CSRF_HEADER);
  if (header) return header;
  const body = request.body;
  if (body && typeof body === 'object' && '_csrf' in body) {
    const field = (body as { _csrf?: unknown })._csrf;
    return typeof field === 'string' ? field : undefined;
  }
  return undefined;
}

function hasBody(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return length > 0 || request.headers['transfer-encoding'] !== undefined;
}

/** Installs `request.identity`, the CSRF check and the JSON-only rule for API writes. */
export function registerIdentity(
  app: FastifyInstance,
  options: { db: Db; now: () => Date; trustUserHeader: boolean },
): void {
  app.decorateRequest('identity', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await findSession(options.db, token, options.now());
      if (found) {
        request.identity = {
          username: found.username,
          via: 'session',
          session: { id: found.sessionId, token, csrfToken: found.csrfToken },
        };
        return;
      }
    }
    if (options.trustUserHeader) {
      const username = headerValue(request, USER_HEADER);
      if (username) request.identity = { username, via: 'header' };
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/') && hasBody(request)) {
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json')
        throw new AppError(
          'unsupported_media_type',
          '接口只接受 JSON 格式的请求内容（Content-Type: application/json）。',
        );
    }
    const session = request.identity?.session;
    if (!session) return;
    if (CSRF_EXEMPT.has(`${request.method} ${request.routeOptions.url}`)) return;
    const carried = carriedCsrfToken(request);
    if (!carried || !safeEqual(carried, session.csrfToken))
      throw new AppError('forbidden', '缺少或错误的 CSRF 令牌（X-CSRF-Token）：请刷新页面后重试。');
  });
}
