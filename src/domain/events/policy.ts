/** Who may read an agency's 操作日志 (the event log): its administrator (机关管理员). */
import {
  can,
  type PolicyTable,
  type RoleHolder,
  roleRefusal,
  rolesNeeded,
} from '../accounts/policy-table.ts';

export type EventVerb = 'view_log';

/** verb → the roles that may. */
export const EVENT_POLICY: PolicyTable<EventVerb> = {
  view_log: ['agency_admin'],
};

/** Why the actor may not read the agency's event log, or null. */
export function eventLogRefusal(actor: RoleHolder): string | null {
  return can(EVENT_POLICY, actor, 'view_log')
    ? null
    : roleRefusal('查看操作日志', rolesNeeded(EVENT_POLICY, 'view_log'));
}
