/**
 * Every area's policy table under one name, so a caller that is not tied to one area (the
 * console's menu and buttons) asks the same tables as the routes and commands: `allows(actor,
 * 'requests/register')`. A role's rights are declared once, in its area's table; nothing here
 * adds a right. A platform administrator administers every agency's users (docs/security.md).
 */
import type { AgencyActor } from './accounts/actor.ts';
import { ACCOUNT_POLICY } from './accounts/policy.ts';
import { ASK_FOR_ROLE, can, type PolicyTable, rolesNeeded } from './accounts/policy-table.ts';
import { CATALOG_POLICY } from './catalog/policy.ts';
import { EVENT_POLICY, eventLogRefusal } from './events/policy.ts';
import { GUIDE_POLICY } from './guide/policy.ts';
import { INSPECTION_POLICY } from './inspection/policy.ts';
import { CATALOGUE_POLICY, SCREENING_POLICY } from './items/policy.ts';
import { ACTION_ROLES, type ItemVerb, refusalFor } from './items/state-machine.ts';
import { LETTER_POLICY, type LetterVerb, letterRefusal } from './letters/policy.ts';
import { NEW_MEDIA_POLICY } from './new-media/policy.ts';
import { REGISTRY_POLICY } from './registry/policy.ts';
import { REPORT_POLICY } from './report/policy.ts';
import { REPORT_CHECK_POLICY } from './report-checks/policy.ts';
import {
  CASE_ACTION_ROLES,
  caseActionRefusal,
  REQUEST_POLICY,
  type RequestVerb,
  requestRefusal,
} from './requests/policy.ts';
import type { CaseAction } from './requests/state-machine.ts';
import { SITE_POLICY } from './site/policy.ts';
import { REMINDER_POLICY } from './supervision/reminder-policy.ts';
import { WEBSITE_REPORT_POLICY } from './website-report/policy.ts';

/** area → its policy table. */
export const POLICIES = {
  requests: REQUEST_POLICY,
  case: CASE_ACTION_ROLES,
  items: ACTION_ROLES,
  catalogue: CATALOGUE_POLICY,
  screening: SCREENING_POLICY,
  registry: REGISTRY_POLICY,
  reports: REPORT_POLICY,
  letters: LETTER_POLICY,
  events: EVENT_POLICY,
  guide: GUIDE_POLICY,
  users: ACCOUNT_POLICY,
  site: SITE_POLICY,
  report_checks: REPORT_CHECK_POLICY,
  reminders: REMINDER_POLICY,
  inspection: INSPECTION_POLICY,
  new_media: NEW_MEDIA_POLICY,
  website_report: WEBSITE_REPORT_POLICY,
  catalog: CATALOG_POLICY,
} as const;

type Policies = typeof POLICIES;
export type PolicyArea = keyof Policies;

/** `area/verb`, e.g. `requests/register`, `case/extend`, `events/view_log`. */
export type PolicyVerb = {
  [A in PolicyArea]: `${A}/${Extract<keyof Policies[A], string>}`;
}[PolicyArea];

/** The areas where a platform administrator may act without a role in the agency. */
const PLATFORM_ADMIN_AREAS: readonly PolicyArea[] = ['users'];

/** Whether a text names a verb of a policy table (`requests/register`), as a route may declare it. */
export function isPolicyVerb(text: string): text is PolicyVerb {
  const [area, name, ...rest] = text.split('/');
  if (rest.length > 0 || !Object.hasOwn(POLICIES, area)) return false;
  return Object.hasOwn(POLICIES[area as PolicyArea], name);
}

/** Whether the actor (as seen in the subject's agency) may do `area/verb`. */
export function allows(actor: AgencyActor, verb: PolicyVerb): boolean {
  const [area, name] = verb.split('/') as [PolicyArea, string];
  if (actor.platformAdmin && PLATFORM_ADMIN_AREAS.includes(area)) return true;
  return can(POLICIES[area] as PolicyTable<string>, actor, name);
}

/** The refusal of what only a platform administrator does, said to the person signed in. */
export const PLATFORM_ONLY = '该操作须由平台管理员办理，您不是平台管理员；如需办理，请联系平台管理员。';

/**
 * Why the actor may not do `area/verb`, or null: the area's own sentence where it has one (the
 * same the commands give), else one naming the roles needed (“该操作需要“经办人”角色……”). The
 * route gate (src/server/policy-gate.ts) answers it as 403.
 */
export function refusalOf(actor: AgencyActor, verb: PolicyVerb): string | null {
  if (allows(actor, verb)) return null;
  const [area, name] = verb.split('/') as [PolicyArea, string];
  const own =
    area === 'requests'
      ? requestRefusal(actor, name as RequestVerb)
      : area === 'case'
        ? caseActionRefusal(actor, name as CaseAction)
        : area === 'items'
          ? refusalFor(name as ItemVerb, actor, '')
          : area === 'letters'
            ? letterRefusal(actor, name as LetterVerb)
            : area === 'events'
              ? eventLogRefusal(actor)
              : null;
  if (own) return own;
  const roles = rolesNeeded(POLICIES[area] as PolicyTable<string>, name);
  const platform = area === 'users' ? '（或平台管理员）' : '';
  return `该操作需要${roles}角色${platform}，${ASK_FOR_ROLE}`;
}
