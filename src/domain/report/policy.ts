/** Who may do what to an annual report (roles held in the agency). */
import { can, type PolicyTable } from '../accounts/policy-table.ts';

export type ReportVerb = 'edit' | 'publish';

/**
 * 经办人 edit the draft narrative and the yearly figures; approvers and administrators may too.
 * Publishing and correcting is the approver's or the agency administrator's decision.
 */
export const REPORT_POLICY: PolicyTable<ReportVerb> = {
  edit: ['operator', 'approver', 'agency_admin'],
  publish: ['approver', 'agency_admin'],
};

/** Whether these roles may edit a report's draft and figures. */
export function canEditReport(roles: readonly string[]): boolean {
  return can(REPORT_POLICY, { roles }, 'edit');
}

/** Whether these roles may publish a report or publish a correction. */
export function canPublishReport(roles: readonly string[]): boolean {
  return can(REPORT_POLICY, { roles }, 'publish');
}
