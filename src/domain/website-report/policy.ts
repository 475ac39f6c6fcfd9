/**
 * Who reads and fills the 政府网站工作年度报表 (docs/website-report.md): every staff role of the
 * agency and a supervisor above it read it and download it; its 机关管理员 fills in the manual rows.
 */
import { SUPERVISOR_ROLE } from '../accounts/actor.ts';
import type { PolicyTable } from '../accounts/policy-table.ts';
import { AGENCY_ROLES } from '../accounts/roles.ts';

export type WebsiteReportVerb = 'view' | 'edit';

/** verb → the roles that may. */
export const WEBSITE_REPORT_POLICY: PolicyTable<WebsiteReportVerb> = {
  view: [...AGENCY_ROLES, SUPERVISOR_ROLE],
  edit: ['agency_admin'],
};
