/**
 * Who keeps the 公开事项标准目录 (docs/catalog.md): the agency's administrator (机关管理员) imports,
 * edits and maps it; every staff role reads and exports it, and a supervisor over the agency reads it.
 */
import { SUPERVISOR_ROLE } from '../accounts/actor.ts';
import type { PolicyTable } from '../accounts/policy-table.ts';
import { AGENCY_ROLES } from '../accounts/roles.ts';

export type CatalogVerb = 'manage' | 'view';

/** verb → the roles that may (manage: import, add, edit, map, remove). */
export const CATALOG_POLICY: PolicyTable<CatalogVerb> = {
  manage: ['agency_admin'],
  // a supervisor over the agency reads its catalogue too (docs/supervision.md)
  view: [...AGENCY_ROLES, SUPERVISOR_ROLE],
};
