/** Loading the users an administrator acts on, and the 403s of the accounts policy (domain/accounts/policy.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/accounts/actor.ts';
import { administeredAgencies, manageUserRefusal, userAdminRefusal } from '../../domain/accounts/policy.ts';
import { AppError } from '../../errors.ts';

/** A user row as administration needs it. */
export interface ManagedUser {
  id: number;
  username: string;
  platformAdmin: boolean;
}

/**
 * What an agency administrator is told of a user outside their agencies — the same as of a user that
 * does not exist, so usernames of other agencies are not revealed (docs/security.md).
 */
const notInYourAgencies = (username: string) =>
  new AppError(
    'not_found',
    `未找到用户 ${username}：您管理的机关没有该用户。如需为在其他机关任职的人员授予本机关的角色，请联系平台管理员。`,
  );

/**
 * The user of a username as `actor` may see them: a platform administrator sees every user (404
 * “未找到用户” when none); an agency administrator only users holding a role in an agency they
 * administer — and, with `allowUnassigned` (granting a first role), users holding no role anywhere
 * who are not platform administrators. Anyone else is 404 with the one message a missing user gets.
 */
export async function loadManagedUser(
  trx: Kysely<Database>,
  username: string,
  actor?: Actor,
  options: { allowUnassigned?: boolean } = {},
): Promise<ManagedUser> {
  const row = await trx
    .selectFrom('users')
    .select(['id', 'username', 'platform_admin'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (actor && !actor.platformAdmin) {
    if (!row || row.platform_admin === 1) throw notInYourAgencies(username);
    const agencies = (
      await trx.selectFrom('user_roles').select('agency_id').where('user_id', '=', row.id).execute()
    ).map((r) => r.agency_id);
    const mine = administeredAgencies(actor);
    const visible =
      agencies.some((id) => mine.includes(id)) || (agencies.length === 0 && options.allowUnassigned);
    if (!visible) throw notInYourAgencies(username);
  }
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
