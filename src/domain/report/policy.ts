/** Who may do what to an annual report (roles held in the agency). */

/** 经办人 edit the draft narrative and the yearly figures; approvers and administrators may too. */
export const REPORT_EDITOR_ROLES: readonly string[] = ['operator', 'approver', 'agency_admin'];
/** Publishing and correcting is the approver's or the agency administrator's decision. */
export const REPORT_PUBLISHER_ROLES: readonly string[] = ['approver', 'agency_admin'];

/** Whether these roles may edit a report's draft and figures. */
export function canEditReport(roles: readonly string[]): boolean {
  return roles.some((role) => REPORT_EDITOR_ROLES.includes(role));
}

/** Whether these roles may publish a report or publish a correction. */
export function canPublishReport(roles: readonly string[]): boolean {
  return roles.some((role) => REPORT_PUBLISHER_ROLES.includes(role));
}
