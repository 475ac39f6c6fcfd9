/**
 * An administrator disables or enables a user, resets their password, or (platform administrators
 * only) makes them a platform administrator or not. Disabling and resetting end the user's
 * sessions. Each change an event.
 */

import { hashPassword } from '../../accounts/password-hash.ts';
import { deleteUserSessions } from '../../accounts/sessions.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import type { Actor } from '../../domain/accounts/actor.ts';
import { userChangeRefusal } from '../../domain/accounts/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { assertManagesUser, loadManagedUser } from './admin-scope.ts';
import { assertStrongPassword } from './change-password.ts';
import { conflictOr, recordUserEvent } from './user-events.ts';

/** The changes one request may make. */
export interface UserChange {
  disabled?: boolean;
  platformAdmin?: boolean;
  /** a new password set by the administrator */
  password?: string;
  /** end the sign-in throttle's lock of the user (the server applies it; this records who did) */
  unlock?: boolean;
}

/** Applies the changes; returns the event types written. */
export async function updateUser(
  ctx: CommandContext<Actor>,
  input: { username: string; change: UserChange },
): Promise<{ events: string[] }> {
  const { db, actor: scope } = ctx;
  const { username, change } = input;
  const now = ctx.clock.now();
  const refusal = userChangeRefusal(scope, username, change);
  if (refusal) throw new AppError('forbidden', refusal);
  if (change.password !== undefined) assertStrongPassword(change.password, username, 'password');
  const hash = change.password === undefined ? undefined : await hashPassword(change.password);
  return inTransaction(db, async (trx) => {
    const user = await loadManagedUser(trx, username);
    await assertManagesUser(trx, scope, user);
    const events: string[] = [];
    const record = async (
      type:
        | 'disabled'
        | 'enabled'
        | 'password_reset'
        | 'platform_admin_granted'
        | 'platform_admin_revoked'
        | 'unlocked',
    ) => {
      events.push(type);
      await recordUserEvent(trx, { userId: user.id, agencyId: null, type, actor: scope.username, at: now });
    };
    if (change.disabled !== undefined) {
      await trx
        .updateTable('users')
        .set({ disabled: change.disabled ? 1 : 0 })
        .where('id', '=', user.id)
        .execute();
      await record(change.disabled ? 'disabled' : 'enabled');
    }
    if (change.platformAdmin !== undefined) {
      await trx
        .updateTable('users')
        .set({ platform_admin: change.platformAdmin ? 1 : 0 })
        .where('id', '=', user.id)
        .execute();
      await record(change.platformAdmin ? 'platform_admin_granted' : 'platform_admin_revoked');
    }
    if (hash !== undefined) {
      await trx
        .updateTable('users')
        .set({ password_hash: hash, password_changed_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute();
      await record('password_reset');
    }
    if (change.unlock === true) await record('unlocked');
    if (change.disabled === true || hash !== undefined)
      await deleteUserSessions(withinTransaction(db, trx), user.id);
    return { events };
  }).catch(conflictOr);
}
