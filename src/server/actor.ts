/**
 * Who is acting and in which agency, resolved once per request by the gate (access.ts):
 * `request.actor` (the signed-in user with their scopes; null for an anonymous caller) and, on a
 * route with `:code`, `request.agency`. Handlers read them (`actorOf`, `agencyOf`) and ask the
 * domain's policy tables what the actor may do. A disabled user holds no scope.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestAgency } from '../accounts/load-actor.ts';
import { type Actor, type AgencyActor, actorIn } from '../domain/accounts/actor.ts';
import { AppError } from './errors.ts';

export type { RequestAgency } from '../accounts/load-actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in user with their scopes (null: anonymous, or a route outside the API) */
    actor: Actor | null;
    /** the agency of the route's `:code` (null on routes without one) */
    agency: RequestAgency | null;
  }
}

/** Declares `request.actor` and `request.agency` (set by the gate). */
export function decorateActor(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('agency', null);
}

/** The signed-in actor; 401 when nobody is signed in. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized', '请先登录：工作人员操作需要用户身份。');
  return request.actor;
}

/** The route's agency (routes with `:code`; the gate answered 404 for an unknown one). */
export function agencyOf(request: FastifyRequest): RequestAgency {
  if (!request.agency) throw new AppError('not_found', '未找到该机关');
  return request.agency;
}

/** The signed-in actor as seen in the route's agency (what commands are given). */
export function agencyActorOf(request: FastifyRequest): AgencyActor {
  return actorIn(actorOf(request), agencyOf(request));
}
