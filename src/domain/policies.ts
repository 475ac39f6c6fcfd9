/**
 * Every area's policy table under one name, so a caller that is not tied to one area (the
 * console's menu and buttons) asks the same tables as the routes and commands: `allows(actor,
 * 'requests/register')`. A role's rights are declared once, in its area's table; nothing here
 * adds a right. A platform administrator administers every agency's users (docs/security.md).
 */
import type { AgencyActor } from './accounts/actor.ts';
import { ACCOUNT_POLICY } from './accounts/policy.ts';
import { can, type PolicyTable } from './accounts/policy-table.ts';
import { EVENT_POLICY } from './events/policy.ts';
import { CATALOGUE_POLICY } from './items/policy.ts';
import { ACTION_ROLES } from './items/state-machine.ts';
import { LETTER_POLICY } from './letters/policy.ts';
import { REGISTRY_POLICY } from './registry/policy.ts';
import { REPORT_POLICY } from './report/policy.ts';
import { CASE_ACTION_ROLES, REQUEST_POLICY } from './requests/policy.ts';

/** area → its policy table. */
export const POLICIES = {
  requests: REQUEST_POLICY,
  case: CASE_ACTION_ROLES,
  items: ACTION_ROLES,
  catalogue: CATALOGUE_POLICY,
  registry: REGISTRY_POLICY,
  reports: REPORT_POLICY,
  letters: LETTER_POLICY,
  events: EVENT_POLICY,
  users: ACCOUNT_POLICY,
} as const;

type Policies = typeof POLICIES;
export type PolicyArea = keyof Policies;

/** `area/verb`, e.g. `requests/register`, `case/extend`, `events/view_log`. */
export type PolicyVerb = {
  [A in PolicyArea]: `${A}/${Extract<keyof Policies[A], string>}`;
}[PolicyArea];

/** The areas where a platform administrator may act without a role in the agency. */
const PLATFORM_ADMIN_AREAS: readonly PolicyArea[] = ['users'];

/** Whether the actor (as seen in the subject's agency) may do `area/verb`. */
export function allows(actor: AgencyActor, verb: PolicyVerb): boolean {
  const [area, name] = verb.split('/') as [PolicyArea, string];
  if (actor.platformAdmin && PLATFORM_ADMIN_AREAS.includes(area)) return true;
  return can(POLICIES[area] as PolicyTable<string>, actor, name);
}
