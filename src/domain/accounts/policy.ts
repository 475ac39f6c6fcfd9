/**
 * Who may administer which users (docs/security.md): a platform administrator everything; an
 * agency administrator the users of the agencies they administer — and a user as a whole
 * (password, disabling) only when every agency the user works in is one of them and the user is
 * not a platform administrator (else a platform administrator must do it).
 */
import { type Actor, agenciesWhere, SUPERVISOR_ROLE } from './actor.ts';
import type { PolicyTable } from './policy-table.ts';
import type { AgencyRole } from './roles.ts';

/** The role that administers an agency's users. */
export const USER_ADMIN_ROLE: AgencyRole = 'agency_admin';

/** verb → the roles that may (a platform administrator may too, in every agency). */
export const ACCOUNT_POLICY: PolicyTable<'manage'> = {
  manage: [USER_ADMIN_ROLE],
};

/** The agencies whose users the actor administers (every agency for a platform administrator). */
export function administeredAgencies(actor: Actor): number[] {
  return agenciesWhere(actor, USER_ADMIN_ROLE);
}

/** Whether the actor administers the users of an agency. */
export function administersUsersOf(actor: Actor, agencyId: number): boolean {
  return actor.platformAdmin || administeredAgencies(actor).includes(agencyId);
}

/** Why the actor may not administer an agency's users, or null. */
export function userAdminRefusal(actor: Actor, agencyId: number): string | null {
  if (administersUsersOf(actor, agencyId)) return null;
  return '管理该机关的用户需要该机关的“机关管理员”角色，您没有该角色；如需办理，请联系该机关的机关管理员或平台管理员。';
}

/**
 * Why the actor may not change a user as a whole (password, disabling), or null: `user.agencyIds`
 * are the agencies the user holds a role in.
 */
export function manageUserRefusal(
  actor: Actor,
  user: { username: string; platformAdmin: boolean; agencyIds: readonly number[] },
): string | null {
  if (actor.platformAdmin) return null;
  if (user.platformAdmin) return '平台管理员的账号只能由平台管理员管理。';
  const mine = administeredAgencies(actor);
  if (user.agencyIds.length === 0 || user.agencyIds.some((id) => !mine.includes(id)))
    return '该用户还在您不管理的机关任职（或未在您的机关任职），请联系平台管理员。';
  return null;
}

/** Whether revoking this role would take the actor's own user administration (refused). */
export function revokesOwnUserAdmin(actor: Actor, change: { username: string; role: string }): boolean {
  return change.role === USER_ADMIN_ROLE && change.username === actor.username && !actor.platformAdmin;
}

/** Why the actor may not create this user, or null: a platform administrator only by one; a user in an agency the actor administers. */
export function createUserRefusal(
  actor: Actor,
  user: { platformAdmin?: boolean; agencyId: number | null },
): string | null {
  if (user.platformAdmin && !actor.platformAdmin) return '只有平台管理员可以设立平台管理员。';
  if (user.agencyId !== null) return userAdminRefusal(actor, user.agencyId);
  return actor.platformAdmin ? null : '请在您管理的机关下创建用户。';
}

/** Why the actor may not make this change to a user as a whole (before the user's agencies are known), or null. */
export function userChangeRefusal(
  actor: Actor,
  username: string,
  change: { platformAdmin?: boolean; disabled?: boolean },
): string | null {
  if (change.platformAdmin !== undefined && !actor.platformAdmin)
    return '只有平台管理员可以设立或撤销平台管理员。';
  if (username === actor.username && (change.disabled === true || change.platformAdmin === false))
    return '不能停用自己或撤销自己的平台管理员身份，请由其他管理员办理。';
  return null;
}

/** Why the actor may not grant or revoke this role of the user, or null. */
export function roleChangeRefusal(
  actor: Actor,
  user: { username: string; platformAdmin: boolean },
  change: { role: string; grant: boolean },
): string | null {
  if (user.platformAdmin && !actor.platformAdmin) return '平台管理员的账号只能由平台管理员管理。';
  // a supervisor reads every agency below theirs: only the installation's administrator grants it
  if (change.role === SUPERVISOR_ROLE && !actor.platformAdmin)
    return '“监督人员”角色（查看本机关及下级机关）只能由平台管理员授予或撤销，请联系平台管理员。';
  if (!change.grant && revokesOwnUserAdmin(actor, { username: user.username, role: change.role }))
    return '不能撤销自己的机关管理员角色，请由其他管理员办理。';
  return null;
}
