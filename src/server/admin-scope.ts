/** The signed-in user as an administrator of users (commands/accounts/admin-scope.ts). */
import type { FastifyRequest } from 'fastify';
import type { AdminScope } from '../commands/accounts/admin-scope.ts';
import type { Db } from '../db/connection.ts';
import { signedInUsername } from './actor.ts';
import { AppError } from './errors.ts';

/**
 * What the caller administers; 401 when not signed in, 403 when they administer nothing — or,
 * with `agencyId`, not that agency; with `platformOnly`, when not a platform administrator.
 */
export async function resolveAdminScope(
  db: Db,
  request: FastifyRequest,
  options: { agencyId?: number; platformOnly?: boolean },
): Promise<AdminScope> {
  const username = signedInUsername(request);
  const user = await db.kysely
    .selectFrom('users')
    .select(['id', 'platform_admin'])
    .where('username', '=', username)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  const roles = user
    ? await db.kysely
        .selectFrom('user_roles')
        .select('agency_id')
        .where('user_id', '=', user.id)
        .where('role', '=', 'agency_admin')
        .execute()
    : [];
  const scope: AdminScope = {
    username,
    platformAdmin: user?.platform_admin === 1,
    agencyIds: roles.map((r) => r.agency_id),
  };
  if (options.platformOnly && !scope.platformAdmin)
    throw new AppError('forbidden', `用户 ${username} 不是平台管理员，无权管理全部用户。`);
  if (options.agencyId !== undefined && !scope.platformAdmin && !scope.agencyIds.includes(options.agencyId))
    throw new AppError('forbidden', `用户 ${username} 不是该机关的管理员，无权管理其用户。`);
  return scope;
}
