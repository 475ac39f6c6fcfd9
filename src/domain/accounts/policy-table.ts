/**
 * A policy table: for each verb of an area, the agency roles that may do it (Outline's policies,
 * one line each). Every area's table lives next to its domain (requests, items, registry, report,
 * letters, catalogue columns); routes, commands and the console ask `can` — no role name is
 * compared anywhere else. The supervisor role is in one table only (年报体检: report-checks/policy.ts);
 * its reads of the agencies below it are the access gate's (supervision/policy.ts).
 */
import type { ScopeRole } from './actor.ts';
import { SCOPE_ROLE_LABELS } from './roles.ts';

/** verb → the roles that may do it. */
export type PolicyTable<Verb extends string> = Readonly<Record<Verb, readonly ScopeRole[]>>;

/** Whoever acts, as a table reads them: the roles held in the subject's agency. */
export interface RoleHolder {
  roles: readonly string[];
}

/** Whether an actor holding these roles may do `verb` under `table`. */
export function can<Verb extends string>(table: PolicyTable<Verb>, actor: RoleHolder, verb: Verb): boolean {
  return table[verb].some((role) => actor.roles.includes(role));
}

/** The roles a verb needs, by their Chinese names: “经办人”或“审批负责人”. */
export function rolesNeeded<Verb extends string>(table: PolicyTable<Verb>, verb: Verb): string {
  return table[verb].map((role) => `“${SCOPE_ROLE_LABELS[role]}”`).join('或');
}

/** What to do about a missing role, said to the person signed in (the house ending of every refusal by role). */
export const ASK_FOR_ROLE = '您在本机关没有该角色；如需办理，请联系本机关的机关管理员。';

/**
 * The house refusal by role, spoken to the person signed in (never naming them by username): what
 * was refused, the roles it needs, what to do — “提请审批需要“经办人”角色，您在本机关没有该角色；……”.
 */
export function roleRefusal(what: string, roles: string): string {
  return `${what}需要${roles}角色，${ASK_FOR_ROLE}`;
}
