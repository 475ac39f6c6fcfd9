/**
 * Who may edit the agency's 政府信息公开指南 (its particulars, the ways to apply, its 查阅场所) and the
 * catalogue's 备注说明: the agency administrator (机关管理员). 条例 第四条第二款第（三）项 gives the
 * guide to the 政府信息公开工作机构: “组织编制本行政机关的政府信息公开指南、政府信息公开目录……”.
 */
import {
  can,
  type PolicyTable,
  type RoleHolder,
  roleRefusal,
  rolesNeeded,
} from '../accounts/policy-table.ts';

export type GuideVerb = 'edit';

/** verb → the roles that may. */
export const GUIDE_POLICY: PolicyTable<GuideVerb> = {
  edit: ['agency_admin'],
};

/** Why the actor may not edit the guide (`what` they tried, in Chinese), or null. */
export function guideRefusal(actor: RoleHolder, what: string): string | null {
  if (can(GUIDE_POLICY, actor, 'edit')) return null;
  return roleRefusal(what, rolesNeeded(GUIDE_POLICY, 'edit'));
}
