/**
 * CSRF tokens for the portal's anonymous HTML forms (signed-in staff use the session's token,
 * identity.ts). The contract — double submit, bound by an HMAC:
 *
 * 1. The page handler calls `formToken(request, reply)` and puts the result in a hidden field
 *    `<input type="hidden" name="_csrf" value="…">`. It sets (or keeps) the cookie `gongkai_csrf`:
 *    32 random bytes, HttpOnly, SameSite=Strict, Path=/, Secure over https.
 * 2. The form's POST handler calls `checkFormToken(request, body._csrf)` before doing anything; it
 *    throws a 403 AppError (Chinese message) unless the field is the HMAC-SHA256 of the cookie
 *    under the server's secret (compared in constant time).
 *
 * A cross-site page can neither read the cookie nor compute the HMAC, and a Strict cookie is not
 * sent with a cross-site POST at all. The secret is GONGKAI_CSRF_SECRET (set it when several
 * processes serve the site), else random per process (tokens then die with a restart).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { safeEqual } from './identity.ts';

export const FORM_CSRF_COOKIE = 'gongkai_csrf';
export const FORM_CSRF_FIELD = '_csrf';

const SECRET = process.env.GONGKAI_CSRF_SECRET || randomBytes(32).toString('base64url');
const COOKIE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const sign = (value: string): string => createHmac('sha256', SECRET).update(value).digest('base64url');

/** The hidden-field value for a form on this response; sets the `gongkai_csrf` cookie when needed. */
export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  let value = request.cookies[FORM_CSRF_COOKIE];
  if (!value || !COOKIE_PATTERN.test(value)) {
    value = randomBytes(32).toString('base64url');
    reply.setCookie(FORM_CSRF_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: request.protocol === 'https',
    });
  }
  return sign(value);
}

/** Throws 403 unless `value` (the form's `_csrf` field) matches the request's `gongkai_csrf` cookie. */
export function checkFormToken(request: FastifyRequest, value: unknown): void {
  const cookie = request.cookies[FORM_CSRF_COOKIE];
  const ok =
    typeof value === 'string' && !!cookie && COOKIE_PATTERN.test(cookie) && safeEqual(value, sign(cookie));
  if (!ok) throw new AppError('forbidden', '表单已过期或来源不明（CSRF 校验未通过），请刷新页面后重新提交。');
}
