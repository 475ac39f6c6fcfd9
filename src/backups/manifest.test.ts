import { describe, expect, it } from 'vitest';
import { BackupError } from './errors.ts';
import { BACKUP_FORMAT, type BackupManifest, entryProblems, parseManifest } from './manifest.ts';
import { toolConnection } from './tools.ts';

const A = `ab${'1'.repeat(62)}`;
const DB = { path: 'database/gongkai.sqlite', size: 10, sha256: 'd'.repeat(64) };
const FILE = { path: `files/ab/${A}`, size: 3, sha256: A };

const manifest = (entries = [DB, FILE], damaged: string[] = []): BackupManifest => ({
  format: BACKUP_FORMAT,
  formatVersion: 1,
  createdAt: '2026-12-06T02:00:00.000Z',
  createdBy: 'cli:ops',
  database: {
    kind: 'sqlite',
    schema: null,
    migration: '0015-agency-remedies',
    entry: DB.path,
    tables: { agencies: 1 },
  },
  attachments: { count: 1, bytes: 3, damaged },
  entries,
});

const found = (...entries: Array<{ path: string; size: number; sha256: string }>) =>
  new Map(entries.map((e) => [e.path, { size: e.size, sha256: e.sha256 }]));

describe('an archive checked against its manifest', () => {
  it.each([
    ['every entry as listed', manifest(), found(DB, FILE), []],
    ['an attachment missing', manifest(), found(DB), [`缺少 files/ab/${A}`]],
    [
      'an attachment cut short',
      manifest(),
      found(DB, { ...FILE, size: 2 }),
      [`files/ab/${A} 大小不符（清单 3 字节，实际 2 字节）`],
    ],
    [
      'a changed database',
      manifest(),
      found({ ...DB, sha256: 'e'.repeat(64) }, FILE),
      ['database/gongkai.sqlite 校验和（SHA-256）不符'],
    ],
    [
      'an entry the manifest does not list',
      manifest(),
      found(DB, FILE, { path: 'files/x', size: 1, sha256: A }),
      ['多出清单以外的 files/x'],
    ],
    [
      'an attachment not named by its checksum',
      manifest([DB, { ...FILE, sha256: 'f'.repeat(64) }]),
      found(DB, { ...FILE, sha256: 'f'.repeat(64) }),
      [`files/ab/${A} 的名称与其校验和不符`],
    ],
    [
      'an attachment already damaged in the store when backed up, so listed',
      manifest([DB, { ...FILE, sha256: 'f'.repeat(64) }], [FILE.path]),
      found(DB, { ...FILE, sha256: 'f'.repeat(64) }),
      [],
    ],
    [
      'an entry outside the attachments’ names',
      manifest([DB, { ...FILE, path: 'files/../../etc/passwd' }]),
      found(DB, { ...FILE, path: 'files/../../etc/passwd' }),
      ['files/../../etc/passwd 不是附件的存储名'],
    ],
  ] as const)('%s', (_situation, listed, actual, problems) => {
    expect(entryProblems(listed, actual)).toEqual(problems);
  });

  it.each([
    ['another program’s JSON', { name: 'x' }, /这不是 gongkai 的备份文件/],
    ['a newer format', { format: BACKUP_FORMAT, formatVersion: 2 }, /格式版本为 2，本程序只能恢复第 1 版/],
    [
      'a manifest without its entries',
      { ...manifest(), entries: undefined },
      /manifest.json 不完整（entries有误）/,
    ],
  ])('refuses %s as a manifest', (_situation, value, message) => {
    expect(() => parseManifest(value)).toThrow(BackupError);
    expect(() => parseManifest(value)).toThrow(message);
  });
});

describe('the PostgreSQL tools’ connection', () => {
  it.each([
    [
      'a password goes to PGPASSWORD, not the command line',
      'postgres://gk:s%40cret@db:5432/gongkai',
      'postgres://gk@db:5432/gongkai',
      's@cret',
    ],
    [
      'no password, none set',
      'postgres://postgres@127.0.0.1:5432/test',
      'postgres://postgres@127.0.0.1:5432/test',
      undefined,
    ],
  ])('%s', (_situation, url, expected, password) => {
    const connection = toolConnection(url, { PATH: '/usr/bin' });
    expect(connection.url).toBe(expected);
    expect(connection.env.PGPASSWORD).toBe(password);
    expect(connection.env.PATH).toBe('/usr/bin');
  });
});
