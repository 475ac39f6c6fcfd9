/**
 * Who may configure an agency's items catalogue (its 栏目, the columns of 法定主动公开目录): the
 * agency administrator. The item actions' roles are the state machine's ACTION_ROLES.
 */
import { can, type PolicyTable, rolesNeeded } from '../accounts/policy-table.ts';

export type CatalogueVerb = 'configure_columns';

/** verb → the roles that may. */
export const CATALOGUE_POLICY: PolicyTable<CatalogueVerb> = {
  configure_columns: ['agency_admin'],
};

/** Why the actor may not configure the catalogue (`what` they tried, in Chinese), or null. */
export function catalogueRefusal(
  actor: { username: string; roles: readonly string[] },
  what: string,
): string | null {
  if (can(CATALOGUE_POLICY, actor, 'configure_columns')) return null;
  const roles = rolesNeeded(CATALOGUE_POLICY, 'configure_columns');
  return `${what}需要${roles}角色，用户 ${actor.username} 没有该角色。`;
}
