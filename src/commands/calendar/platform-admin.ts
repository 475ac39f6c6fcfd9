/**
 * Who may change the installation's calendar: a platform administrator — the installation-level
 * flag `users.platform_admin` (migration 0006), not a role in an agency. The calendar is national.
 */

import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../requests/case-store.ts';

/** The actor role of a platform administrator (as commands see it). */
export const PLATFORM_ADMIN = 'platform_admin';

/** Whether a user (by name) is an enabled platform administrator. */
export async function isPlatformAdmin(db: Db, username: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .where('platform_admin', '=', 1)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

/** The signed-in user as an Actor; 401 without one, 403 when not a platform administrator. */
export async function resolvePlatformAdmin(db: Db, username: string | undefined): Promise<Actor> {
  if (!username) throw new AppError('unauthorized', '请先登录：修改工作日历需要用户身份。');
  if (!(await isPlatformAdmin(db, username)))
    throw new AppError('forbidden', `用户 ${username} 不是平台管理员，无权修改工作日历。`);
  return { username, roles: [PLATFORM_ADMIN] };
}

/** Refuses (403) an actor who is not a platform administrator. */
export function assertPlatformAdmin(actor: Actor): void {
  if (!actor.roles.includes(PLATFORM_ADMIN))
    throw new AppError('forbidden', `用户 ${actor.username} 不是平台管理员，无权修改工作日历。`);
}
