/**
 * The roles a user holds in an agency (user_roles.role), and the installation-level platform
 * administrator (users.platform_admin). Who may do what: each area's policy table in src/domain
 * (policy-table.ts; docs/security.md).
 */

/** Roles held per agency. */
export const AGENCY_ROLES = ['operator', 'approver', 'reviewer', 'agency_admin'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

/** The Chinese name of each role. */
export const ROLE_LABELS: Record<AgencyRole, string> = {
  operator: '经办人',
  approver: '审批负责人',
  reviewer: '保密审查员',
  agency_admin: '机关管理员',
};

/** The Chinese name of every role a scope carries: the agency roles, and the supervisor over a subtree (actor.ts). */
export const SCOPE_ROLE_LABELS: Record<AgencyRole | 'supervisor', string> = {
  ...ROLE_LABELS,
  supervisor: '监督人员',
};

/** Whether a string is an agency role. */
export function isAgencyRole(value: string): value is AgencyRole {
  return (AGENCY_ROLES as readonly string[]).includes(value);
}
