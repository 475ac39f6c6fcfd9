/** Who keeps the 政务新媒体 registry: the agency's administrator (机关管理员); every staff role reads it. */
import { SUPERVISOR_ROLE } from '../accounts/actor.ts';
import type { PolicyTable } from '../accounts/policy-table.ts';
import { AGENCY_ROLES } from '../accounts/roles.ts';

export type NewMediaVerb = 'manage' | 'view';

/** verb → the roles that may (manage: register, edit, 关停, 注销, 恢复运营). */
export const NEW_MEDIA_POLICY: PolicyTable<NewMediaVerb> = {
  manage: ['agency_admin'],
  // a supervisor over the agency reads its registry too (docs/supervision.md)
  view: [...AGENCY_ROLES, SUPERVISOR_ROLE],
};
