/** Test factories of agencies and users with passwords (for sign-in through the API). */
import { hashPassword } from '../src/accounts/password-hash.ts';
import type { Db } from '../src/db/connection.ts';

/** A bare agency (under `parentId`, when given); its id. */
export async function addAgency(
  db: Db,
  code: string,
  name = `${code} 测试机关`,
  parentId: number | null = null,
): Promise<number> {
  const row = await db.kysely
    .insertInto('agencies')
    .values({
      ...{ code, name, short_name: name, parent_id: parentId, kind: 'government', address: '', postcode: '' },
      ...{ phone: '', website: '', website_name: '', office: '', created_at: '2026-01-01T00:00:00Z' },
      // where its answers send the applicant (复议法 第二十三条第二款): an answer letter needs them
      ...{ review_body: '威海市人民政府', court: '威海市环翠区人民法院' },
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const hashes = new Map<string, Promise<string>>();

/** A user with a password and roles in one agency (or none); its id. */
export async function addUser(
  db: Db,
  user: {
    username: string;
    password: string;
    /** the user's name (姓名); default the username */
    displayName?: string;
    platformAdmin?: boolean;
    agencyId?: number;
    roles?: string[];
  },
): Promise<number> {
  const hash = hashes.get(user.password) ?? hashPassword(user.password);
  hashes.set(user.password, hash);
  const { id } = await db.kysely
    .insertInto('users')
    .values({
      ...{
        username: user.username,
        display_name: user.displayName ?? user.username,
        created_at: '2026-01-01T00:00:00Z',
      },
      ...{ password_hash: await hash, platform_admin: user.platformAdmin ? 1 : 0 },
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agencyId = user.agencyId;
  if (agencyId !== undefined && user.roles?.length)
    await db.kysely
      .insertInto('user_roles')
      .values(user.roles.map((role) => ({ user_id: id, agency_id: agencyId, role })))
      .execute();
  return id;
}
