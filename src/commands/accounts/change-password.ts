/**
 * A user changes their own password: the current one must match, the new one must pass the
 * minimum strength (domain/accounts/password-policy.ts). The user's other sessions end.
 */
import { hashPassword, verifyPassword } from '../../accounts/password-hash.ts';
import { deleteUserSessions } from '../../accounts/sessions.ts';
import { findUser } from '../../accounts/user-access.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { passwordProblem } from '../../domain/accounts/password-policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, NamedActor } from '../context.ts';
import { conflictOr, recordUserEvent } from './user-events.ts';

/** Throws `validation` naming `field` when the password is too weak. */
export function assertStrongPassword(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('validation', problem, [{ field, message: problem }]);
}

/** Changes the signed-in user's (the actor's) password; other sessions than `keepSessionId` end. */
export async function changeOwnPassword(
  ctx: CommandContext<NamedActor>,
  input: { currentPassword: string; newPassword: string; keepSessionId?: number },
): Promise<void> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const user = await findUser(db, ctx.actor.username);
  if (!user || user.disabled) throw new AppError('unauthorized', '请先登录。');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    const message = '当前密码不正确，请重新输入。';
    throw new AppError('validation', message, [{ field: 'currentPassword', message }]);
  }
  assertStrongPassword(input.newPassword, user.username, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await recordUserEvent(trx, {
      userId: user.id,
      agencyId: null,
      type: 'password_changed',
      actor: user.username,
      at: now,
    });
    await deleteUserSessions(withinTransaction(db, trx), user.id, input.keepSessionId);
  }).catch(conflictOr);
}
