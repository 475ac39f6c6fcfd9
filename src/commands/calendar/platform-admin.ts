/**
 * Who may change the installation's calendar: a platform administrator.
 *
 * Interim rule, until accounts arrive (the web issue): a user is a platform administrator when
 * they hold the role `platform_admin` in any agency's `user_roles`. The calendar is national, not
 * an agency's, so the agency of the role does not matter. This file is the one place that changes
 * when real accounts come.
 */

import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../requests/case-store.ts';

/** The role that allows changing the working-day calendar. */
export const PLATFORM_ADMIN = 'platform_admin';

/** The user named (e.g. by the `X-Gongkai-User` header) as an Actor; 401 without one, 403 without the role. */
export async function resolvePlatformAdmin(db: Db, username: string | undefined): Promise<Actor> {
  if (!username) throw new AppError('unauthorized', '请先登录：修改工作日历需要用户身份。');
  const row = await db.kysely
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.username')
    .where('users.username', '=', username)
    .where('user_roles.role', '=', PLATFORM_ADMIN)
    .executeTakeFirst();
  if (!row) throw new AppError('forbidden', `用户 ${username} 不是平台管理员，无权修改工作日历。`);
  return { username, roles: [PLATFORM_ADMIN] };
}

/** Refuses (403) an actor who is not a platform administrator. */
export function assertPlatformAdmin(actor: Actor): void {
  if (!actor.roles.includes(PLATFORM_ADMIN))
    throw new AppError('forbidden', `用户 ${actor.username} 不是平台管理员，无权修改工作日历。`);
}
