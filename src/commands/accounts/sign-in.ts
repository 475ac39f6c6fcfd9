/**
 * Sign-in: checks the password (scrypt, constant time; the same answer and the same work for an
 * unknown user, a wrong password and a disabled account) and starts a new session. A session the
 * caller already had is ended (the token rotates on every sign-in).
 */
import { verifyPassword } from '../../accounts/password-hash.ts';
import { createSession, deleteSession } from '../../accounts/sessions.ts';
import { findUser, type UserRecord } from '../../accounts/user-access.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

/** The one answer to every failed sign-in. */
export const SIGN_IN_FAILED = '用户名或密码不正确，请重新输入。';

/** Signs a user in; 401 `unauthorized` with SIGN_IN_FAILED on any failure. */
export async function signIn(
  ctx: CommandContext<null>,
  input: { username: string; password: string; ip: string; previousToken?: string },
): Promise<{ user: UserRecord; token: string; csrfToken: string; expiresAt: Date }> {
  const { db } = ctx;
  const user = await findUser(db, input.username);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !matches || user.disabled) throw new AppError('unauthorized', SIGN_IN_FAILED);
  if (input.previousToken) await deleteSession(db, input.previousToken);
  const session = await createSession(db, user.id, input.ip, ctx.clock.now());
  return { user, ...session };
}
