/**
 * Who may configure an agency's items catalogue (its 栏目, the columns of 法定主动公开目录): the
 * agency administrator. The item actions' roles are the state machine's ACTION_ROLES.
 */
import {
  can,
  type PolicyTable,
  type RoleHolder,
  roleRefusal,
  rolesNeeded,
} from '../accounts/policy-table.ts';

export type CatalogueVerb = 'configure_columns';

/** verb → the roles that may. */
export const CATALOGUE_POLICY: PolicyTable<CatalogueVerb> = {
  configure_columns: ['agency_admin'],
};

/** Why the actor may not configure the catalogue (`what` they tried, in Chinese), or null. */
export function catalogueRefusal(actor: RoleHolder, what: string): string | null {
  if (can(CATALOGUE_POLICY, actor, 'configure_columns')) return null;
  return roleRefusal(what, rolesNeeded(CATALOGUE_POLICY, 'configure_columns'));
}
