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

export type ScreeningVerb = 'manage_words';

/**
 * 发布前自查 (docs/screening.md): the agency's 错敏词 list is kept by the agency administrator (every
 * staff member reads it); confirming findings is part of the reviewer's `approve`.
 */
export const SCREENING_POLICY: PolicyTable<ScreeningVerb> = {
  manage_words: ['agency_admin'],
};

/** Why the actor may not change the 错敏词 list, or null. */
export function screeningWordsRefusal(actor: RoleHolder): string | null {
  if (can(SCREENING_POLICY, actor, 'manage_words')) return null;
  return roleRefusal('维护错敏词库', rolesNeeded(SCREENING_POLICY, 'manage_words'));
}
