/**
 * Sign-in, the current session, sign-out and changing one's own password. The session token lives
 * only in the `gongkai_session` cookie (HttpOnly, SameSite=Lax, Secure over https); the body carries
 * the CSRF token the console sends back in `X-CSRF-Token` (identity.ts, docs/security.md).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ABSOLUTE_TIMEOUT_MS, deleteSession } from '../../../accounts/sessions.ts';
import { findUser } from '../../../accounts/user-access.ts';
import { changeOwnPassword } from '../../../commands/accounts/change-password.ts';
import { signIn } from '../../../commands/accounts/sign-in.ts';
import { passwordBody, sessionSchema, signInBody } from '../../../contract/session.ts';
import { platformContext, publicContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { SESSION_COOKIE } from '../../identity.ts';
import { sessionJson } from '../../presenters/session-json.ts';
import { errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const notSignedIn = () => new AppError('unauthorized', '尚未登录或登录已过期，请重新登录。');

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
  });
}

export const sessionRoutes: RouteModule = async (app, options) => {
  const { db, clock, signInLimits, signInThrottle: throttle } = options;
  const perIp = (message: string) => ({
    max: signInLimits.perIpPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () => new AppError('too_many_requests', message),
  });

  app.post(
    '/api/v1/session',
    {
      config: {
        rateLimit: perIp('登录尝试过于频繁，请一分钟后再试。'),
      },
      schema: {
        tags: ['session'],
        summary:
          'Sign in: sets the HttpOnly session cookie, returns the user, agencies, roles and CSRF token',
        body: signInBody,
        response: { 200: sessionSchema, 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      await throttle.check(username, request.ip, clock.now());
      try {
        const signedIn = await signIn(publicContext(request, options), {
          username,
          password,
          ip: request.ip,
          previousToken: request.cookies[SESSION_COOKIE],
        });
        await throttle.recordSuccess(username, request.ip, clock.now());
        setSessionCookie(request, reply, signedIn.token);
        return sessionJson(db, signedIn.user, signedIn.csrfToken);
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthorized')
          await throttle.recordFailure(username, request.ip, clock.now());
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in user, their agencies and roles, and the CSRF token; 401 when not signed in',
        response: { 200: sessionSchema, 401: errorBody },
      },
    },
    async (request) => {
      const session = request.identity?.session;
      const user = session ? await findUser(db, request.identity?.username ?? '') : null;
      if (!session || !user) throw notSignedIn();
      return sessionJson(db, user, session.csrfToken);
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out: ends the session and clears the cookie (needs X-CSRF-Token when signed in)',
        response: { 204: z.null(), 403: errorBody },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session/password',
    {
      config: { rateLimit: perIp('修改密码尝试过于频繁，请一分钟后再试。') },
      schema: {
        tags: ['session'],
        summary: 'Change one’s own password (current and new); the user’s other sessions end',
        body: passwordBody,
        response: { 204: z.null(), 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      // a wrong current password counts like a failed sign-in of the user at this address
      const username = request.identity?.username ?? '';
      if (username) await throttle.check(username, request.ip, clock.now());
      try {
        await changeOwnPassword(platformContext(request, options), {
          ...request.body,
          keepSessionId: request.identity?.session?.id,
        });
      } catch (error) {
        const wrongCurrent =
          error instanceof AppError && error.details?.some((d) => d.field === 'currentPassword') === true;
        if (username && wrongCurrent) await throttle.recordFailure(username, request.ip, clock.now());
        throw error;
      }
      return reply.code(204).send(null);
    },
  );
};
