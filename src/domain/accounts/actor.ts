/**
 * Who acts, as every policy table reads it: a user, whether they administer the installation, and
 * their scopes — the roles they hold in an agency, or (a supervisor) over an agency's subtree
 * (agencies.parent_id). The route gate resolves it once per request (src/server/access.ts); a
 * command is given the actor as seen in the subject's agency (`actorIn`).
 */
import { type AgencyRole, isAgencyRole } from './roles.ts';

/** A supervisor watches an agency's subtree; no policy table lists the role: it grants only the reading of the subtree's 年报体检 batches (domain/report-checks/policy.ts). */
export const SUPERVISOR_ROLE = 'supervisor';

/** A role a scope can carry: one of the agency roles, or supervisor over a subtree. */
export type ScopeRole = AgencyRole | typeof SUPERVISOR_ROLE;

/** Roles held in one agency, or (`subtree`) in it and every agency below it. */
export interface Scope {
  agencyId: number;
  roles: readonly ScopeRole[];
  subtree: boolean;
}

/** The signed-in user as the gate resolves them. */
export interface Actor {
  username: string;
  platformAdmin: boolean;
  scopes: readonly Scope[];
}

/** An agency as the policies see it: its id and its ancestors' ids (parent first). */
export interface AgencyNode {
  id: number;
  ancestorIds: readonly number[];
}

/** The actor in one agency: what commands are given and what the policy tables check. */
export interface AgencyActor {
  username: string;
  roles: readonly ScopeRole[];
  /** an installation administrator (the calendar, every agency's users) */
  platformAdmin?: boolean;
}

/** The scope a user_roles row gives: supervisor rows cover the subtree, the others one agency. */
export function scopeOf(agencyId: number, role: ScopeRole): Scope {
  return { agencyId, roles: [role], subtree: role === SUPERVISOR_ROLE };
}

/** Whether a stored role name is one a scope can carry (unknown names are ignored). */
export function isScopeRole(value: string): value is ScopeRole {
  return value === SUPERVISOR_ROLE || isAgencyRole(value);
}

/** The roles an actor holds in an agency: its own scopes, and subtree scopes of its ancestors. */
export function rolesIn(actor: Actor, agency: AgencyNode): ScopeRole[] {
  const roles = new Set<ScopeRole>();
  for (const scope of actor.scopes) {
    const covers =
      scope.agencyId === agency.id || (scope.subtree && agency.ancestorIds.includes(scope.agencyId));
    if (covers) for (const role of scope.roles) roles.add(role);
  }
  return [...roles];
}

/** The actor as seen in one agency. */
export function actorIn(actor: Actor, agency: AgencyNode): AgencyActor {
  return { username: actor.username, roles: rolesIn(actor, agency), platformAdmin: actor.platformAdmin };
}

/** Whether the actor works in the agency: holds one of its staff roles (a supervisor does not). */
export function worksIn(actor: Actor, agency: AgencyNode): boolean {
  return rolesIn(actor, agency).some(isAgencyRole);
}

/** The agencies where the actor holds `role` directly (not through a subtree). */
export function agenciesWhere(actor: Actor, role: AgencyRole): number[] {
  return actor.scopes.filter((s) => !s.subtree && s.roles.includes(role)).map((s) => s.agencyId);
}

/** The actor acting on the installation (the calendar), in no agency: no roles. */
export function installationActor(actor: Actor): AgencyActor {
  return { username: actor.username, roles: [], platformAdmin: actor.platformAdmin };
}
