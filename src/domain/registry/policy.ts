/** Who may change the registry: the agency's disclosure staff (经办人, 负责人, 平台管理员), not the 保密审查员. */
export const REGISTRY_EDITOR_ROLES: readonly string[] = ['operator', 'approver', 'agency_admin'];

/** Whether a user with these roles in the agency may issue, amend, repeal or review documents. */
export function canEditRegistry(roles: readonly string[]): boolean {
  return roles.some((role) => REGISTRY_EDITOR_ROLES.includes(role));
}
