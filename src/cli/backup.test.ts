/**
 * `gongkai backup` and `gongkai restore` as an operator runs them, on SQLite files: the backup is
 * taken while the writer still holds rows in its write-ahead log — which a copy of the .db file
 * alone loses — and restored into a new file; usage and settings errors exit 2 in Chinese.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency } from '../../test/accounts.ts';
import { runGongkai } from '../../test/cli-run.ts';
import { type Db, openDb } from '../db/connection.ts';
import { appendEvent } from '../db/events.ts';
import { migrateToLatest } from '../db/migrate.ts';

const ROWS = 45;

async function eventCount(db: Db): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from events where name = 'records.imported'`.execute(db.kysely);
  return Number(rows[0].n);
}

describe('gongkai backup / restore on SQLite files', () => {
  let dir: string;
  let live: Db;
  const env = (name: string) => ({
    DATABASE_URL: `sqlite:${join(dir, name, 'gongkai.db')}`,
    GONGKAI_FILES_DIR: join(dir, name, 'files'),
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-cli-backup-'));
    live = openDb(env('live').DATABASE_URL);
    await migrateToLatest(live);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(live.kysely);
    // the server keeps writing and SQLite has not checkpointed yet: the new rows are only in the -wal
    await sql`pragma wal_autocheckpoint = 0`.execute(live.kysely);
    const agency = await addAgency(live, 'backup-cli');
    for (let n = 1; n <= ROWS; n += 1)
      await appendEvent(live.kysely, {
        name: 'records.imported',
        subject: { type: 'import', id: n },
        agency,
        actor: 'importer',
        at: new Date('2026-12-06T02:00:00Z'),
      });
  });
  afterAll(async () => {
    await live.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('copying the live .db file without its -wal loses rows; gongkai backup keeps every one', async () => {
    const copied = join(dir, 'copied.db');
    await copyFile(join(dir, 'live', 'gongkai.db'), copied);
    const copy = openDb(`sqlite:${copied}`);
    try {
      await migrateToLatest(copy);
      expect(await eventCount(copy)).toBe(0);
    } finally {
      await copy.close();
    }

    // an attachment whose bytes changed on disk since it was stored (its name is no longer its SHA-256)
    const damaged = `ab/ab${'1'.repeat(62)}`;
    await mkdir(join(dir, 'live', 'files', 'ab'), { recursive: true });
    await writeFile(join(dir, 'live', 'files', damaged), 'bit rot');

    const archive = join(dir, 'backup.tar.gz');
    const backup = await runGongkai(['backup', '--out', archive], { env: env('live') });
    expect(backup.stderr).toMatch(/^已备份：.*1 个附件.*→ .*backup\.tar\.gz/);
    expect(backup.stderr).toContain(
      `警告：1 个附件的内容与其存储名（SHA-256）不符，存储中的文件可能已损坏，已原样备份：files/${damaged}`,
    );
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.stdout).toMatch(new RegExp(`^[0-9a-f]{64}  ${archive}\\n$`));

    const restore = await runGongkai(['restore', archive], { env: env('restored') });
    expect(restore.stderr).toMatch(/^已恢复 .* 的备份到 sqlite:.*restored.*：\d+ 行，附件写入 1 个/);
    expect(await readFile(join(dir, 'restored', 'files', damaged), 'utf8')).toBe('bit rot');
    expect(restore).toMatchObject({ code: 0, stdout: backup.stdout });
    const restored = openDb(env('restored').DATABASE_URL);
    try {
      expect(await eventCount(restored)).toBe(ROWS);
    } finally {
      await restored.close();
    }

    const again = await runGongkai(['restore', archive], { env: env('restored') });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/目标数据库已有数据.*加 --force 重新运行/);
    expect((await runGongkai(['restore', archive, '--force'], { env: env('restored') })).code).toBe(0);
  });

  it.each([
    ['a backup without --out', ['backup'], {}, /用法：gongkai backup --out/],
    ['a restore without a file', ['restore'], {}, /用法：gongkai restore/],
    [
      'a relative attachments folder',
      ['backup', '--out', 'x.tar.gz'],
      { GONGKAI_FILES_DIR: 'data/files' },
      /GONGKAI_FILES_DIR 应为绝对路径/,
    ],
    ['a backup file that is not there', ['restore', '/nowhere/backup.tar.gz'], {}, /找不到备份文件/],
  ])(
    'refuses %s (exit 2, in Chinese, no usage hint for a refusal)',
    async (_situation, args, extra, message) => {
      const run = await runGongkai(args, { env: { ...env('errors'), ...extra } });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.includes('运行 gongkai help 查看用法。')).toBe(String(message).includes('用法'));
    },
  );
});
