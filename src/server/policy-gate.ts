/**
 * The one policy gate on routes (issue 12): every non-public route of an agency
 * (`/api/v1/agencies/:code/…`) declares in its options `config: { policy }` — the verb of the
 * policy tables (`'requests/register'`, `allows` in src/domain/policies.ts), a function of the
 * request when the verb depends on a parameter (a case action's `:action`), or `'staff'` (any
 * staff role of the agency: reads). Installation-level routes may declare `'platform'`. The gate
 * runs before validation (preValidation), so a caller without the role is refused (403, naming the
 * roles needed) whatever body they send; access.ts has already answered 401/404 and refused
 * callers with no role in the agency. The commands keep their own checks (the CLI has no routes):
 * test/role-matrix.test.ts walks every route × every single role and checks both agree.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorIn } from '../domain/accounts/actor.ts';
import type { AgencyRole } from '../domain/accounts/roles.ts';
import { allows, PLATFORM_ONLY, type PolicyVerb, refusalOf } from '../domain/policies.ts';
import { SUPERVISOR_ONLY, supervises } from '../domain/supervision/policy.ts';
import { AppError } from './errors.ts';

/**
 * What a route needs: a verb, any staff role of the agency, a platform administrator, or (`supervisor`)
 * a supervisor over the agency or a platform administrator (the supervision of its subtree).
 */
export type DeclaredPolicy = PolicyVerb | 'staff' | 'platform' | 'supervisor';

/**
 * A route's policy: declared, or computed from the request (its raw params, before validation);
 * `undefined` from the function lets validation answer (an unknown `:action` is a 400).
 */
export type RoutePolicy = DeclaredPolicy | ((request: FastifyRequest) => DeclaredPolicy | undefined);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** who may call the route (src/server/policy-gate.ts) */
    policy?: RoutePolicy;
  }
}

/** The policy of a route for this request (undefined: none declared, or left to validation). */
export function resolvePolicy(
  policy: RoutePolicy | undefined,
  request: FastifyRequest,
): DeclaredPolicy | undefined {
  return typeof policy === 'function' ? policy(request) : policy;
}

/** Whether a policy lets a holder of these agency roles (no platform administrator) through. */
export function policyAdmits(policy: DeclaredPolicy, roles: readonly AgencyRole[]): boolean {
  if (policy === 'platform' || policy === 'supervisor') return false;
  if (policy === 'staff') return roles.length > 0;
  return allows({ username: '', roles, platformAdmin: false }, policy);
}

/** Installs the gate (once, in app.ts, after access.ts's). */
export function registerPolicyGate(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const actor = request.actor;
    if (!actor) return; // public route (access.ts answered 401 for the others)
    const policy = resolvePolicy(request.routeOptions.config?.policy, request);
    if (policy === undefined || policy === 'staff') return; // staff: access.ts checked the role
    if (policy === 'supervisor') {
      // the supervision of a subtree: a supervisor over the agency (its own staff do not qualify)
      if (actor.platformAdmin || (request.agency && supervises(actor, request.agency))) return;
      throw new AppError('forbidden', SUPERVISOR_ONLY);
    }
    if (policy === 'platform') {
      if (!actor.platformAdmin) throw new AppError('forbidden', PLATFORM_ONLY);
      return;
    }
    const agency = request.agency;
    // a verb is asked in the route's agency: without `:code` nobody passes (declare 'platform')
    if (!agency) throw new AppError('forbidden', '该操作须在机关内办理，请从所在机关的页面进入。');
    const refusal = refusalOf(actorIn(actor, agency), policy);
    if (refusal) throw new AppError('forbidden', refusal);
  });
}
