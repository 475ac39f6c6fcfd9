/**
 * Who reads and runs the self-inspection (网站自查, issue 15): every staff role of the agency reads
 * the results and the column classes; its 机关管理员 runs it and sets each column's class and
 * expected frequency.
 */
import { SUPERVISOR_ROLE } from '../accounts/actor.ts';
import type { PolicyTable } from '../accounts/policy-table.ts';
import { AGENCY_ROLES } from '../accounts/roles.ts';

export type InspectionVerb = 'view' | 'run' | 'configure';

/** verb → the roles that may. */
export const INSPECTION_POLICY: PolicyTable<InspectionVerb> = {
  // a supervisor over the agency reads its inspection too (docs/supervision.md)
  view: [...AGENCY_ROLES, SUPERVISOR_ROLE],
  run: ['agency_admin'],
  configure: ['agency_admin'],
};
