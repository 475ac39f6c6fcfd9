/**
 * Who is acting on a staff route: the caller (`request.identity`, from the session cookie — see
 * identity.ts) and the roles they hold in the route's agency. A disabled user holds none.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../commands/requests/case-store.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from './errors.ts';

export { USER_HEADER } from './identity.ts';

/** The caller's username; 401 when nobody is signed in. */
export function signedInUsername(request: FastifyRequest): string {
  const username = request.identity?.username;
  if (!username) throw new AppError('unauthorized', '请先登录：工作人员操作需要用户身份。');
  return username;
}

/** The acting user and their roles in the agency; 401 without a user, 403 without a role there. */
export async function resolveActor(db: Db, request: FastifyRequest, agencyId: number): Promise<Actor> {
  const username = signedInUsername(request);
  const rows = await db.kysely
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.username', 'user_roles.role'])
    .where('users.username', '=', username)
    .where('users.disabled', '=', 0)
    .where('user_roles.agency_id', '=', agencyId)
    .execute();
  if (rows.length === 0) throw new AppError('forbidden', `用户 ${username} 无权办理该机关的事务。`);
  return { username, roles: rows.map((r) => r.role) };
}

/** The agency of a code, or not_found. */
export async function agencyIdOf(db: Db, code: string): Promise<number> {
  const row = await db.kysely.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return row.id;
}
