/** Users with their roles, for the administration lists. */
import type { Db } from '../connection.ts';

/** One user in a list. */
export interface UserListEntry {
  username: string;
  displayName: string;
  disabled: boolean;
  platformAdmin: boolean;
  createdAt: string;
  passwordChangedAt: string | null;
  /** roles per agency code (only the listed agency's on an agency list) */
  agencies: Array<{ code: string; roles: string[] }>;
}

/** The users of one agency (those holding a role there), or every user when `agencyId` is null. */
export async function listUsers(db: Db, agencyId: number | null): Promise<UserListEntry[]> {
  let roles = db.kysely
    .selectFrom('user_roles')
    .innerJoin('agencies', 'agencies.id', 'user_roles.agency_id')
    .select(['user_roles.user_id', 'agencies.code', 'user_roles.role'])
    .orderBy('agencies.code')
    .orderBy('user_roles.role');
  if (agencyId !== null) roles = roles.where('user_roles.agency_id', '=', agencyId);
  const roleRows = await roles.execute();
  let users = db.kysely
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'disabled',
      'platform_admin',
      'created_at',
      'password_changed_at',
    ])
    .orderBy('username');
  if (agencyId !== null)
    users = users.where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_id').where('agency_id', '=', agencyId),
    );
  const rows = await users.execute();
  return rows.map((row) => {
    const agencies: UserListEntry['agencies'] = [];
    for (const r of roleRows.filter((x) => x.user_id === row.id)) {
      const entry = agencies.find((a) => a.code === r.code);
      if (entry) entry.roles.push(r.role);
      else agencies.push({ code: r.code, roles: [r.role] });
    }
    return {
      username: row.username,
      displayName: row.display_name,
      disabled: row.disabled === 1,
      platformAdmin: row.platform_admin === 1,
      createdAt: row.created_at,
      passwordChangedAt: row.password_changed_at,
      agencies,
    };
  });
}
