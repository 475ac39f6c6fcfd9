/** Loading the users an administrator acts on, and the 403s of the accounts policy (domain/accounts/policy.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/accounts/actor.ts';
import { manageUserRefusal, userAdminRefusal } from '../../domain/accounts/policy.ts';
import { AppError } from '../../errors.ts';

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

/** Refuses (403) an actor who does not administer `agencyId`'s users. */
export function assertAdministers(actor: Actor, agencyId: number): void {
  const refusal = userAdminRefusal(actor, agencyId);
  if (refusal) throw new AppError('forbidden', refusal);
}

/** Refuses (403) an actor who may not change the user as a whole (password, disabling). */
export async function assertManagesUser(trx: Kysely<Database>, actor: Actor, user: ManagedUser) {
  const agencies = await trx
    .selectFrom('user_roles')
    .select('agency_id')
    .where('user_id', '=', user.id)
    .execute();
  const refusal = manageUserRefusal(actor, { ...user, agencyIds: agencies.map((a) => a.agency_id) });
  if (refusal) throw new AppError('forbidden', refusal);
}
