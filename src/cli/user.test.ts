import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency } from '../../test/accounts.ts';
import { capturedIo } from '../../test/cli-run.ts';
import { verifyPassword } from '../accounts/password-hash.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { listUsers } from '../db/queries/users.ts';
import { UsageError } from './io.ts';
import { userCommand } from './user.ts';

const db = openDb('sqlite::memory:');
/** The process's environment; what the command writes is kept, not read. */
const io = capturedIo();
beforeAll(async () => {
  await migrateToLatest(db);
  await addAgency(db, 'cli-agency');
});
afterAll(() => db.close());

const hashOf = async (username: string) =>
  (
    await db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).password_hash;

describe('gongkai user', () => {
  it('creates the first platform administrator', async () => {
    const args = [
      'add',
      'root-admin',
      '--name',
      '平台管理员',
      '--password',
      'First-admin-2026',
      '--platform-admin',
    ];
    expect(await userCommand(io, db, args)).toBe(0);
    const [user] = await listUsers(db, null);
    expect(user).toMatchObject({ username: 'root-admin', platformAdmin: true, agencies: [] });
    expect(await verifyPassword('First-admin-2026', await hashOf('root-admin'))).toBe(true);
  });

  it('adds a user with roles, grants, revokes, resets the password and disables; each an event', async () => {
    await userCommand(io, db, [
      'add',
      'clerk',
      '--name',
      '经办人',
      '--password',
      'Harbor-pass-2026',
      '--agency',
      'cli-agency',
      '--role',
      'operator',
    ]);
    await userCommand(io, db, [
      'grant',
      'clerk',
      '--agency',
      'cli-agency',
      '--role',
      'approver',
      '--role',
      'reviewer',
    ]);
    await userCommand(io, db, ['revoke', 'clerk', '--agency', 'cli-agency', '--role', 'reviewer']);
    await userCommand(io, db, ['passwd', 'clerk', '--password', 'Another-pass-2026']);
    await userCommand(io, db, ['disable', 'clerk']);
    const clerk = (await listUsers(db, null)).find((u) => u.username === 'clerk');
    expect(clerk).toMatchObject({
      disabled: true,
      agencies: [{ code: 'cli-agency', roles: ['approver', 'operator'] }],
    });
    expect(await verifyPassword('Another-pass-2026', await hashOf('clerk'))).toBe(true);
    const events = await db.kysely
      .selectFrom('events')
      .select(['name', 'actor'])
      .where('subject_type', '=', 'user')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.name)).toEqual([
      'users.created',
      'users.created',
      'users.role_granted',
      'users.role_granted',
      'users.role_granted',
      'users.role_revoked',
      'users.password_reset',
      'users.disabled',
    ]);
    expect(events.every((e) => e.actor.startsWith('cli:'))).toBe(true);
  });

  it('grants and revokes the supervisor role (a subtree: docs/supervision.md)', async () => {
    await userCommand(io, db, ['add', 'watcher', '--name', '督查员', '--password', 'Watch-tower-2026']);
    await userCommand(io, db, ['grant', 'watcher', '--agency', 'cli-agency', '--role', 'supervisor']);
    const granted = (await listUsers(db, null)).find((u) => u.username === 'watcher');
    expect(granted?.agencies).toEqual([{ code: 'cli-agency', roles: ['supervisor'] }]);
    await userCommand(io, db, ['revoke', 'watcher', '--agency', 'cli-agency', '--role', 'supervisor']);
    const revoked = (await listUsers(db, null)).find((u) => u.username === 'watcher');
    expect(revoked?.agencies).toEqual([]);
  });

  it.each([
    ['no password', ['add', 'x-user', '--name', 'X']],
    ['an unknown role', ['grant', 'clerk', '--agency', 'cli-agency', '--role', 'boss']],
    [
      'roles without an agency',
      ['add', 'y-user', '--name', 'Y', '--password', 'Some-pass-2026', '--role', 'operator'],
    ],
    ['no username', ['passwd']],
  ])('refuses %s as a usage error', async (_case, args) => {
    await expect(userCommand(io, db, args)).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a weak password with the policy’s message', async () => {
    await expect(userCommand(io, db, ['add', 'weak', '--name', 'W', '--password', 'short'])).rejects.toThrow(
      '至少 10 个字符',
    );
  });
});
