/**
 * Sign-in sessions. The cookie carries a random 32-byte token; the database keeps only its
 * SHA-256, so a leaked table cannot be replayed. A session ends 8 hours after its last use (idle)
 * and 7 days after sign-in (absolute), on sign-out, when its user is disabled, and when the
 * user's password is reset or changed (other sessions).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';

export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** A live session and its user. */
export interface SessionUser {
  sessionId: number;
  userId: number;
  username: string;
  displayName: string;
  platformAdmin: boolean;
  csrfToken: string;
}

/** The SHA-256 (hex) of a session token: what the sessions table stores. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const randomToken = (): string => randomBytes(32).toString('base64url');

/** Starts a session for a user; the token goes into the cookie and is not stored. */
export async function createSession(
  db: Db,
  userId: number,
  ip: string,
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  await db.kysely
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ip: ip.slice(0, 100),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session of a token and its (enabled) user, or null. An expired session (idle or
 * absolute) is deleted; a live one has its last use recorded.
 */
export async function findSession(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.username',
      'users.display_name',
      'users.platform_admin',
      'users.disabled',
    ])
    .where('sessions.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = Date.parse(row.last_seen_at);
  const expired = Date.parse(row.expires_at) <= now.getTime() || lastSeen + IDLE_TIMEOUT_MS <= now.getTime();
  if (expired || row.disabled) {
    await db.kysely.deleteFrom('sessions').where('id', '=', row.id).execute();
    return null;
  }
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS)
    await db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  return {
    sessionId: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    platformAdmin: row.platform_admin === 1,
    csrfToken: row.csrf_token,
  };
}

/** Ends the session of a token (sign-out); nothing when there is none. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

/** Ends every session of a user, except the one given (the one changing its own password). */
export async function deleteUserSessions(db: Db, userId: number, exceptSessionId?: number): Promise<void> {
  let query = db.kysely.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
