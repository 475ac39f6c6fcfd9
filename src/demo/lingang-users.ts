/**
 * The demo agency's staff, one per role, and the installation's demo platform administrator. The
 * passwords are public (README): `demo-<role>-2021`. A real installation sets GONGKAI_DEMO=0 and
 * creates its users with `gongkai user add`.
 */
import type { Transaction } from 'kysely';
import { hashPassword } from '../accounts/password-hash.ts';
import type { Database } from '../db/schema.ts';

/** The demo users (the README names them with their passwords). */
export const DEMO_USERS: ReadonlyArray<{
  username: string;
  name: string;
  password: string;
  roles: string[];
  platformAdmin?: boolean;
}> = [
  {
    username: 'lingang-operator',
    name: '临港区政务公开经办人',
    password: 'demo-operator-2021',
    roles: ['operator'],
  },
  {
    username: 'lingang-approver',
    name: '临港区党政办公室负责人',
    password: 'demo-approver-2021',
    roles: ['operator', 'approver'],
  },
  {
    username: 'lingang-reviewer',
    name: '临港区保密审查员',
    password: 'demo-reviewer-2021',
    roles: ['reviewer'],
  },
  {
    username: 'lingang-admin',
    name: '临港区平台管理员',
    password: 'demo-admin-2021',
    roles: ['agency_admin', 'operator'],
  },
  {
    username: 'platform-admin',
    name: '平台管理员',
    password: 'demo-platform-2021',
    roles: [],
    platformAdmin: true,
  },
];

// Hashed once per process: reloading the demo (tests do, often) does not pay scrypt again.
const hashes = new Map<string, Promise<string>>();
const demoHash = (password: string): Promise<string> => {
  const cached = hashes.get(password) ?? hashPassword(password);
  hashes.set(password, cached);
  return cached;
};

/** Creates (or refreshes) the demo users, their passwords and their roles in the demo agency. */
export async function addDemoUsers(trx: Transaction<Database>, agencyId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  for (const user of DEMO_USERS) {
    const password_hash = await demoHash(user.password);
    const platform_admin = user.platformAdmin ? 1 : 0;
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', user.username)
      .executeTakeFirst();
    const id =
      existing?.id ??
      (
        await trx
          .insertInto('users')
          .values({
            ...{ username: user.username, display_name: user.name, created_at: at },
            ...{ password_hash, password_changed_at: at, platform_admin },
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    if (existing)
      await trx
        .updateTable('users')
        .set({ password_hash, platform_admin, disabled: 0 })
        .where('id', '=', id)
        .execute();
    await trx.deleteFrom('user_roles').where('user_id', '=', id).where('agency_id', '=', agencyId).execute();
    if (user.roles.length > 0)
      await trx
        .insertInto('user_roles')
        .values(user.roles.map((role) => ({ user_id: id, agency_id: agencyId, role })))
        .execute();
  }
}
