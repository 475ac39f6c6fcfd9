/** Reads of users and their roles, shared by sign-in, the session body and user administration. */
import type { Db } from '../db/connection.ts';

/** A user row as the account code needs it. */
export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  platformAdmin: boolean;
  disabled: boolean;
  passwordHash: string | null;
}

/** The user of a username, or null. */
export async function findUser(db: Db, username: string): Promise<UserRecord | null> {
  const row = await db.kysely
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'platform_admin', 'disabled', 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    platformAdmin: row.platform_admin === 1,
    disabled: row.disabled === 1,
    passwordHash: row.password_hash,
  };
}

/** The active agencies a user holds roles in, with the roles, by agency code (a retired one is no choice). */
export async function agenciesOfUser(
  db: Db,
  userId: number,
): Promise<Array<{ code: string; name: string; roles: string[] }>> {
  const rows = await db.kysely
    .selectFrom('user_roles')
    .innerJoin('agencies', 'agencies.id', 'user_roles.agency_id')
    .select(['agencies.code', 'agencies.name', 'user_roles.role'])
    .where('user_roles.user_id', '=', userId)
    .where('agencies.retired_on', 'is', null)
    .orderBy('agencies.code')
    .orderBy('user_roles.role')
    .execute();
  const byCode = new Map<string, { code: string; name: string; roles: string[] }>();
  for (const row of rows) {
    const entry = byCode.get(row.code) ?? { code: row.code, name: row.name, roles: [] };
    entry.roles.push(row.role);
    byCode.set(row.code, entry);
  }
  return [...byCode.values()];
}
