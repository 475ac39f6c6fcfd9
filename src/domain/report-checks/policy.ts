/**
 * Who keeps and reads 年报体检 checks (issue 14, docs/report-check.md): any staff role of the
 * agency, and a supervisor over it (a subtree scope on it or above it: the 政务公开办 checking the
 * reports of the agencies it supervises), keep batches and read them; a platform administrator reads
 * them (`readsReportChecksOf`, asked by the access gate).
 */
import { type Actor, type AgencyNode, rolesIn, type Scope, SUPERVISOR_ROLE } from '../accounts/actor.ts';
import type { PolicyTable } from '../accounts/policy-table.ts';
import { AGENCY_ROLES } from '../accounts/roles.ts';

export type ReportCheckVerb = 'create' | 'view';

/** verb → the roles that may. */
export const REPORT_CHECK_POLICY: PolicyTable<ReportCheckVerb> = {
  create: [...AGENCY_ROLES, SUPERVISOR_ROLE],
  view: [...AGENCY_ROLES, SUPERVISOR_ROLE],
};

/**
 * The agency a signed-in user's portal check is kept under: null for a platform administrator,
 * else their first agency with a role (a staff role before a supervisor's subtree); undefined when
 * the user holds no role at all (then nothing is kept, as for anyone).
 */
export function reportCheckAgencyOf(actor: Actor): number | null | undefined {
  if (actor.platformAdmin) return null;
  const byId = (a: Scope, b: Scope) => a.agencyId - b.agencyId;
  const staff = actor.scopes.filter((s) => !s.subtree).sort(byId);
  const ordered = [...staff, ...[...actor.scopes].sort(byId)];
  return ordered[0]?.agencyId;
}

/** Whether the actor reads an agency's 年报体检 batches without a staff role there: a platform administrator or a supervisor over it. */
export function readsReportChecksOf(actor: Actor, agency: AgencyNode): boolean {
  return actor.platformAdmin || rolesIn(actor, agency).includes(SUPERVISOR_ROLE);
}
