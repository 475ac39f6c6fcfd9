/**
 * The server's side of the read replica (db/replica.ts, db/read-routing.ts): each request is served
 * inside the read target decided when it arrives — from its method, whether it carries a session
 * cookie and the LSN cookie of its own last anonymous write — and an anonymous write that succeeded
 * gets that cookie, so the citizen who just filed a request reads it back through any server.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  formatLsn,
  parseLsn,
  type ReadRequest,
  type ReadTarget,
  WRITE_LSN_COOKIE,
  WRITE_LSN_COOKIE_SECONDS,
} from '../db/read-routing.ts';
import type { ReadRouter } from '../db/replica.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { SESSION_COOKIE } from './identity.ts';

function readRequest(request: FastifyRequest): ReadRequest {
  const own = request.cookies[WRITE_LSN_COOKIE];
  return {
    method: request.method,
    session: Boolean(request.cookies[SESSION_COOKIE]),
    ownWrite: own ? parseLsn(own) : null,
  };
}

const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/** Registers the hooks on the root, after the cookie plugin and before anything reads the database. */
export function registerReadRouting(app: FastifyInstance, router: ReadRouter): void {
  // a callback hook, so that the rest of the request (hooks, handler) runs inside the target's context
  const targets = new WeakMap<FastifyRequest, ReadTarget>();
  app.addHook('onRequest', (request, _reply, done) => {
    const target = router.target(readRequest(request));
    targets.set(request, target);
    router.route(target, () => done());
  });
  // the standby went away between two polls: this request gets the 503 of an unreachable database
  // (server/errors.ts), the next ones read from the primary until a poll sees the standby again
  app.addHook('onError', async (request, _reply, error) => {
    if (targets.get(request) === 'replica' && isDatabaseUnavailable(error)) router.replicaFailed();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isWrite(request.method) || reply.statusCode >= 400 || request.cookies[SESSION_COOKIE])
      return payload;
    const lsn = await router.primaryLsn();
    if (lsn !== null)
      reply.setCookie(WRITE_LSN_COOKIE, formatLsn(lsn), {
        path: '/',
        maxAge: WRITE_LSN_COOKIE_SECONDS,
        httpOnly: true,
        sameSite: 'lax',
      });
    return payload;
  });
}
