/** Who sets an agency's site settings (网站名称, 主办单位, 备案号…): its administrator (机关管理员). */
import type { PolicyTable } from '../accounts/policy-table.ts';

export type SiteVerb = 'edit';

/** verb → the roles that may (the installation's settings are a platform administrator's). */
export const SITE_POLICY: PolicyTable<SiteVerb> = {
  edit: ['agency_admin'],
};
