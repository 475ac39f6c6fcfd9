/**
 * Creates a user with an initial password (minimum strength), optionally roles in one agency
 * (an agency administrator's form) or the platform-administrator flag (platform administrators
 * only). One `created` event, and a `role_granted` event per role. All or nothing.
 */

import { hashPassword } from '../../accounts/password-hash.ts';
import { isConcurrencyFailure, isWriteConflict } from '../../db/conflict.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor } from '../../domain/accounts/actor.ts';
import { createUserRefusal } from '../../domain/accounts/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { assertStrongPassword } from './change-password.ts';
import { conflictOr, recordUserEvent } from './user-events.ts';

/** A username: lower-case letters, digits, `.`, `_` and `-`, 2–64 characters. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** What a new user needs. */
export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  platformAdmin?: boolean;
  /** roles in one agency */
  agency?: { id: number; roles: readonly string[] };
}

/** Creates the user; 409 when the username is taken. */
export async function createUser(ctx: CommandContext<Actor>, input: NewUser): Promise<{ id: number }> {
  const { db, actor: scope } = ctx;
  const now = ctx.clock.now();
  if (!USERNAME_PATTERN.test(input.username)) {
    const message = '用户名只能包含小写字母、数字、点、下划线和连字符，2–64 个字符。';
    throw new AppError('validation', message, [{ field: 'username', message }]);
  }
  assertStrongPassword(input.password, input.username, 'password');
  const refusal = createUserRefusal(scope, {
    platformAdmin: input.platformAdmin,
    agencyId: input.agency?.id ?? null,
  });
  if (refusal) throw new AppError('forbidden', refusal);
  const hash = await hashPassword(input.password);
  try {
    return await inTransaction(db, async (trx) => {
      const { id } = await trx
        .insertInto('users')
        .values({
          ...{ username: input.username, display_name: input.displayName, created_at: now.toISOString() },
          ...{
            password_hash: hash,
            password_changed_at: now.toISOString(),
            platform_admin: input.platformAdmin ? 1 : 0,
          },
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const data = { displayName: input.displayName, platformAdmin: input.platformAdmin === true };
      await recordUserEvent(trx, {
        userId: id,
        agencyId: null,
        type: 'created',
        actor: scope.username,
        at: now,
        data,
      });
      for (const role of input.agency?.roles ?? []) {
        const agencyId = input.agency?.id ?? 0;
        await trx.insertInto('user_roles').values({ user_id: id, agency_id: agencyId, role }).execute();
        await recordUserEvent(trx, {
          userId: id,
          agencyId,
          type: 'role_granted',
          actor: scope.username,
          at: now,
          data: { role },
        });
      }
      return { id };
    });
  } catch (error) {
    if (isConcurrencyFailure(error)) conflictOr(error);
    if (isWriteConflict(error))
      throw new AppError('conflict', `用户名 ${input.username} 已被使用，请换一个。`);
    throw error;
  }
}
