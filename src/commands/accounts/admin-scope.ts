/**
 * Who may administer which users: a platform administrator everything; an agency administrator
 * the users of the agencies they administer — and a user only when every agency the user holds a
 * role in is one of them, and the user is not a platform administrator (else a platform
 * administrator must do it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

/** The administrator acting, and what they administer. */
export interface AdminScope {
  username: string;
  platformAdmin: boolean;
  /** agencies where the actor holds `agency_admin` */
  agencyIds: readonly number[];
}

/** A user row as administration needs it. */
export interface ManagedUser {
  id: number;
  username: string;
  platformAdmin: boolean;
}

/** The user of a username (404 when none). */
export async function loadManagedUser(trx: Kysely<Database>, username: string): Promise<ManagedUser> {
  const row = await trx
    .selectFrom('users')
    .select(['id', 'username', 'platform_admin'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到用户 ${username}。`);
  return { id: row.id, username: row.username, platformAdmin: row.platform_admin === 1 };
}

/** Refuses (403) an actor who does not administer `agencyId`. */
export function assertAdministers(scope: AdminScope, agencyId: number): void {
  if (scope.platformAdmin || scope.agencyIds.includes(agencyId)) return;
  throw new AppError('forbidden', `用户 ${scope.username} 不是该机关的管理员，无权管理其用户。`);
}

/** Refuses (403) an actor who may not change the user as a whole (password, disabling). */
export async function assertManagesUser(trx: Kysely<Database>, scope: AdminScope, user: ManagedUser) {
  if (scope.platformAdmin) return;
  if (user.platformAdmin) throw new AppError('forbidden', '平台管理员的账号只能由平台管理员管理。');
  const agencies = await trx
    .selectFrom('user_roles')
    .select('agency_id')
    .where('user_id', '=', user.id)
    .execute();
  if (agencies.length === 0 || agencies.some((a) => !scope.agencyIds.includes(a.agency_id)))
    throw new AppError(
      'forbidden',
      `用户 ${user.username} 还在您不管理的机关任职（或未在您的机关任职），请联系平台管理员。`,
    );
}
