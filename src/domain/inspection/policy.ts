/**
 * Who reads and runs the self-inspection (网站自查, issue 15): every staff role of the agency reads
 * the results and the column classes; its 机关管理员 runs it and sets each column's class and
 * expected frequency.
 */
import type { PolicyTable } from '../accounts/policy-table.ts';
import { AGENCY_ROLES } from '../accounts/roles.ts';

export type InspectionVerb = 'view' | 'run' | 'configure';

/** verb → the roles that may. */
export const INSPECTION_POLICY: PolicyTable<InspectionVerb> = {
  view: [...AGENCY_ROLES],
  run: ['agency_admin'],
  configure: ['agency_admin'],
};
