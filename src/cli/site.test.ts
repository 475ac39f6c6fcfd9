import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../test/accounts.ts';
import { capturedIo, runCaptured } from '../../test/cli-run.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { startS3 } from '../../test/s3rver.ts';
import type { Db } from '../db/connection.ts';
import { pdfBytes, pngBytes } from '../files/testing.ts';
import { UsageError } from './io.ts';
import { siteCommand } from './site.ts';

describeEachDatabase('gongkai site show|set (网站信息, issue 13)', (use) => {
  let db: Db;
  let dir: string;
  /** The command's files in the test's folder, under a USER of its own. */
  const options = () => ({ env: { GONGKAI_FILES_DIR: join(dir, 'files'), USER: 'ops' } });
  const run = async (...args: string[]) => {
    const { stdout } = await runCaptured((io) => siteCommand(io, db, args), options());
    return JSON.parse(stdout) as Record<string, string>;
  };
  const refusal = async (...args: string[]) => {
    const error = await siteCommand(capturedIo(options()), db, args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  };
  const events = (name: string) =>
    db.kysely.selectFrom('events').select(['actor', 'agency_id']).where('name', '=', name).execute();

  beforeAll(async () => {
    db = use();
    dir = await mkdtemp(join(tmpdir(), 'gongkai-cli-site-'));
    await writeFile(join(dir, 'mark.png'), pngBytes());
    await writeFile(join(dir, 'mark.pdf'), pdfBytes());
    const agencyId = await addAgency(db, 'cli-site');
    const password = 'Cli-site-2026';
    await addUser(db, { username: 'cli-site-admin', password, agencyId, roles: ['agency_admin'] });
    await addUser(db, { username: 'cli-site-operator', password, agencyId, roles: ['operator'] });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shows an agency’s settings by their Chinese names, blank until set', async () => {
    const shown = await run('show', '--agency', 'cli-site');
    expect(shown).toMatchObject({ 主办单位: '', ICP备案号: '', 党政机关网站标识图片: '' });
  });

  it('sets fields by their Chinese names and uploads the mark, in one go, as the agency admin', async () => {
    const saved = await run(
      'set',
      '--agency',
      'cli-site',
      '--user',
      'cli-site-admin',
      '--主办单位',
      '临港区人民政府办公室',
      '--ICP备案号',
      '鲁ICP备12345678号-1',
      '--mark',
      join(dir, 'mark.png'),
    );
    expect(saved).toMatchObject({ 主办单位: '临港区人民政府办公室', ICP备案号: '鲁ICP备12345678号-1' });
    expect(saved.党政机关网站标识图片).toMatch(/^\/site-files\/[0-9a-f]{64}\.png$/);
    expect(await run('show', '--agency', 'cli-site')).toEqual(saved);
    expect(await events('settings.site_set')).toEqual([
      { actor: 'cli-site-admin', agency_id: expect.any(Number) },
    ]);
    expect(await events('settings.site_image_set')).toHaveLength(1);
    const stored = (await readdir(join(dir, 'files'), { recursive: true })).filter((f) => f.length > 3);
    expect(stored).toHaveLength(1);

    // a field given again keeps the others; '' clears one
    const cleared = await run(
      'set',
      '--agency',
      'cli-site',
      '--user',
      'cli-site-admin',
      '--党政机关网站标识图片',
      '',
    );
    expect(cleared).toMatchObject({ 主办单位: '临港区人民政府办公室', 党政机关网站标识图片: '' });
  });

  it('sets the installation’s as the machine’s operator', async () => {
    const saved = await run(
      'set',
      '--网站名称',
      '威海市政府信息公开平台',
      '--favicon',
      join(dir, 'mark.png'),
    );
    expect(saved.网站名称).toBe('威海市政府信息公开平台');
    expect(saved.网站图标).toMatch(/\.png$/);
    expect(await run('show')).toEqual(saved);
    expect((await events('settings.site_set')).at(-1)).toEqual({ actor: 'cli:ops', agency_id: null });
  });

  it('uploads the mark into the bucket GONGKAI_FILES names, not a folder', async () => {
    const s3 = await startS3(['gk-site']);
    try {
      const env = {
        ...s3.envFor('gk-site', 'files/'),
        GONGKAI_FILES_DIR: join(dir, 'not-used'),
        USER: 'ops',
      };
      const args = [
        'set',
        '--agency',
        'cli-site',
        '--user',
        'cli-site-admin',
        '--mark',
        join(dir, 'mark.png'),
      ];
      const { stdout } = await runCaptured((io) => siteCommand(io, db, args), { env });
      const mark = (JSON.parse(stdout) as Record<string, string>).党政机关网站标识图片;
      const sha256 = /^\/site-files\/([0-9a-f]{64})\.png$/.exec(mark)?.[1] ?? '';
      const stored = await s3.store('gk-site', 'files/').list();
      expect(stored).toEqual([{ key: `${sha256.slice(0, 2)}/${sha256}`, size: pngBytes().length }]);
      await expect(readdir(join(dir, 'not-used'))).rejects.toThrow();
    } finally {
      await s3.close();
    }
  });

  it.each([
    [
      'an unknown field, listing the valid ones',
      ['set', '--主办方', 'x'],
      '没有这个字段：--主办方。可以设置的字段：--网站名称',
    ],
    ['a field without a value', ['set', '--主办单位'], '--主办单位 后面缺少值'],
    ['nothing to set', ['set'], '没有要设置的字段'],
    ['an agency without --user', ['set', '--agency', 'cli-site', '--主办单位', 'x'], '缺少 --user'],
    [
      'an operator',
      ['set', '--agency', 'cli-site', '--user', 'cli-site-operator', '--主办单位', 'x'],
      '设置本机关的网站信息需要“机关管理员”角色',
    ],
    ['a wrong ICP number', ['set', '--ICP备案号', 'ICP123'], 'ICP备案号格式不正确'],
    ['a PDF as the mark', ['set', '--mark', 'PDF'], '党政机关网站标识图片只能是 PNG、JPEG 或 GIF 图片'],
    ['a missing file', ['set', '--mark', '/nonexistent/mark.png'], '读不到党政机关网站标识图片文件'],
    ['an unknown subcommand', ['list'], '用法：gongkai site show'],
  ])('refuses %s in Chinese and writes nothing', async (_situation, args, message) => {
    const before = await run('show', '--agency', 'cli-site');
    const count = (await db.kysely.selectFrom('events').select('id').execute()).length;
    const resolved = args.map((a) => (a === 'PDF' ? join(dir, 'mark.pdf') : a));
    // a valid field beside the wrong image: all or nothing
    const extra = resolved.includes('--mark') ? ['--主办单位', '不该保存'] : [];
    expect(await refusal(...resolved, ...extra)).toContain(message);
    expect(await run('show', '--agency', 'cli-site')).toEqual(before);
    expect((await db.kysely.selectFrom('events').select('id').execute()).length).toBe(count);
  });
});
