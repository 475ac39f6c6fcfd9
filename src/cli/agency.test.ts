import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../test/accounts.ts';
import { runCaptured } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { agencyCommand } from './agency.ts';

const db = openDb('sqlite::memory:');
const run = async (...args: string[]) => {
  const { stdout } = await runCaptured((io) =>
    agencyCommand(io, db, ['remedies', '--agency', 'cli-rm', ...args]),
  );
  return JSON.parse(stdout) as Record<string, string>;
};

beforeAll(async () => {
  await migrateToLatest(db);
  const agencyId = await addAgency(db, 'cli-rm');
  const password = 'Cli-remedies-2026';
  await addUser(db, { username: 'cli-rm-admin', password, agencyId, roles: ['agency_admin'] });
  await addUser(db, { username: 'cli-rm-operator', password, agencyId, roles: ['operator'] });
});
afterAll(() => db.close());

describe('gongkai agency remedies (复议法 第二十三条第二款, 条例 第四十七条第二款)', () => {
  it('prints the settings, and lets the agency admin set them with an event', async () => {
    expect(await run('--user', 'cli-rm-operator')).toMatchObject({ reviewBody: '威海市人民政府' });
    const set = [
      '--review-body',
      '威海市文登区人民政府',
      '--court',
      '威海市文登区人民法院',
      '--complaint',
      '文登区政府办',
    ];
    expect(await run('--user', 'cli-rm-admin', ...set)).toEqual({
      reviewBody: '威海市文登区人民政府',
      court: '威海市文登区人民法院',
      complaintChannel: '文登区政府办',
    });
    const event = await db.kysely
      .selectFrom('events')
      .select(['name', 'actor'])
      .where('name', '=', 'settings.remedies_set')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ name: 'settings.remedies_set', actor: 'cli-rm-admin' });
  });

  it.each([
    [
      'an operator',
      ['--user', 'cli-rm-operator', '--review-body', '某市人民政府', '--court', '某法院'],
      '机关管理员',
    ],
    ['a missing court', ['--user', 'cli-rm-admin', '--review-body', '某市人民政府'], '行政诉讼管辖法院'],
  ])('refuses %s in Chinese and changes nothing', async (_situation, args, message) => {
    await expect(run(...args)).rejects.toThrow(message);
    expect(await run('--user', 'cli-rm-admin')).toMatchObject({ reviewBody: '威海市文登区人民政府' });
  });
});
