/** Who may change the registry: the agency's disclosure staff (经办人, 负责人, 机关管理员), not the 保密审查员. */
import { can, type PolicyTable } from '../accounts/policy-table.ts';

export type RegistryVerb = 'edit';

/** verb → the roles that may (edit: issue, amend, repeal, review). */
export const REGISTRY_POLICY: PolicyTable<RegistryVerb> = {
  edit: ['operator', 'approver', 'agency_admin'],
};

/** Whether a user with these roles in the agency may issue, amend, repeal or review documents. */
export function canEditRegistry(roles: readonly string[]): boolean {
  return can(REGISTRY_POLICY, { roles }, 'edit');
}
