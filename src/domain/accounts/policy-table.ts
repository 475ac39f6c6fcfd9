/**
 * A policy table: for each verb of an area, the agency roles that may do it (Outline's policies,
 * one line each). Every area's table lives next to its domain (requests, items, registry, report,
 * letters, catalogue columns); routes, commands and the console ask `can` — no role name is
 * compared anywhere else. The supervisor role is in no table: it grants nothing yet.
 */
import { type AgencyRole, ROLE_LABELS } from './roles.ts';

/** verb → the roles that may do it. */
export type PolicyTable<Verb extends string> = Readonly<Record<Verb, readonly AgencyRole[]>>;

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
  return table[verb].map((role) => `“${ROLE_LABELS[role]}”`).join('或');
}
