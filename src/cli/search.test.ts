import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runGongkai } from '../../test/cli-run.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { indexItems, insertAgency } from '../search/test-items.ts';

const file = join(tmpdir(), `gongkai-search-${randomBytes(4).toString('hex')}.db`);

function gongkai(...args: string[]): Promise<CliRun> {
  return runGongkai(['search', ...args], { env: { DATABASE_URL: `sqlite:${file}` } });
}

beforeAll(async () => {
  const db = openDb(`sqlite:${file}`);
  await migrateToLatest(db);
  await indexItems(db, await insertAgency(db, 'lingang'), [
    { id: 1, title: '城乡低保标准', bodyText: '2021年度城乡低保标准<调整>', publishedOn: '2021-01-01' },
    { id: 2, title: '就业补贴', bodyText: '低保家庭', publishedOn: '2022-01-01' },
  ]);
  await indexItems(db, await insertAgency(db, 'other'), [{ id: 3, title: '低保', bodyText: '' }]);
  await db.close();
});
afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
});

describe('gongkai search', () => {
  it('prints the hits as JSON: id, title, score, snippet', async () => {
    const run = await gongkai('低保', '--agency', 'lingang', '--limit', '1');
    expect(run.code).toBe(0);
    const hits = JSON.parse(run.stdout);
    expect(hits).toEqual([
      {
        id: 1,
        title: '城乡低保标准',
        score: expect.any(Number),
        snippet: '2021年度城乡<mark>低保</mark>标准&lt;调整&gt;',
      },
    ]);
  });

  it('searches every agency without --agency', async () => {
    const run = await gongkai('低保');
    expect(
      JSON.parse(run.stdout)
        .map((h: { id: number }) => h.id)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it.each([
    ['no query', [], '缺少检索词'],
    ['an unknown agency', ['低保', '--agency', 'nowhere'], '未找到机关代码为 nowhere 的机关'],
    ['a bad limit', ['低保', '--limit', 'x'], '--limit'],
  ])('exits 2 on %s', async (_situation, args, message) => {
    const run = await gongkai(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
