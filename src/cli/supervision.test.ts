import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency } from '../../test/accounts.ts';
import { runCaptured } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { supervisionCommand } from './supervision.ts';

const db = openDb('sqlite::memory:');
const run = (args: string[]) =>
  runCaptured((io) => supervisionCommand(io, db, args), { env: { USER: 'ops' } });

beforeAll(async () => {
  await migrateToLatest(db);
  await addAgency(db, 'recount-a');
  const retired = await addAgency(db, 'recount-old');
  await db.kysely
    .updateTable('agencies')
    .set({ retired_on: '2024-01-01' })
    .where('id', '=', retired)
    .execute();
});
afterAll(() => db.close());

describe('gongkai supervision recount', () => {
  const kept = () =>
    db.kysely
      .selectFrom('kept_counts')
      .innerJoin('agencies', 'agencies.id', 'kept_counts.agency_id')
      .select(['agencies.code', 'kept_counts.kind', 'kept_counts.year'])
      .orderBy('kept_counts.kind')
      .orderBy('kept_counts.year')
      .execute();

  it('counts every active agency’s kept figures again for the years named, and says what it did', async () => {
    const { code, stdout } = await run(['recount', '--year', '2021', '--year', '2022']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^已重新统计 1 个机关：工作台 2021、2022 年，统计表 2021、2022 年，用时 [\d.]+ 秒\n$/,
    );
    expect(await kept()).toEqual([
      { code: 'recount-a', kind: 'cells', year: 2021 },
      { code: 'recount-a', kind: 'cells', year: 2022 },
      { code: 'recount-a', kind: 'overview', year: 2021 },
      { code: 'recount-a', kind: 'overview', year: 2022 },
    ]);
  });

  it('refuses a bad year, an unknown agency and an unknown action in Chinese', async () => {
    await expect(run(['recount', '--year', '21'])).rejects.toThrow(
      '--year 应为2008到2100之间的四位年份，收到“21”',
    );
    await expect(run(['recount', '--agency', 'nope'])).rejects.toThrow('未找到机关代码为 nope 的机关');
    await expect(run(['count'])).rejects.toThrow('用法：gongkai supervision recount');
  });
});
