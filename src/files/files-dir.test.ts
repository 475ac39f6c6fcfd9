import { describe, expect, it } from 'vitest';
import { FilesDirError, resolveFilesDir } from './files-dir.ts';

describe('the attachments folder, absolute whatever the working directory', () => {
  it.each([
    [
      'GONGKAI_FILES_DIR set to an absolute path wins',
      { GONGKAI_FILES_DIR: '/srv/files' },
      'sqlite',
      '/srv/gk/gongkai.db',
      '/srv/files',
    ],
    ['a SQLite file: files beside it', {}, 'sqlite', '/srv/gk/gongkai.db', '/srv/gk/files'],
    [
      'PostgreSQL with GONGKAI_FILES_DIR',
      { GONGKAI_FILES_DIR: '/var/lib/gongkai/files' },
      'postgres',
      undefined,
      '/var/lib/gongkai/files',
    ],
  ] as const)('%s', (_situation, env, dialect, file, expected) => {
    expect(resolveFilesDir(env, { dialect, file })).toBe(expected);
  });

  it.each([
    [
      'a relative GONGKAI_FILES_DIR',
      { GONGKAI_FILES_DIR: './data/files' },
      'sqlite',
      '/srv/gk/gongkai.db',
      /绝对路径/,
    ],
    [
      'PostgreSQL without GONGKAI_FILES_DIR',
      {},
      'postgres',
      undefined,
      /使用 PostgreSQL 时须设置 GONGKAI_FILES_DIR/,
    ],
    ['SQLite in memory without GONGKAI_FILES_DIR', {}, 'sqlite', undefined, /内存中的 SQLite/],
  ] as const)('refuses %s with a sentence saying what to set', (_situation, env, dialect, file, message) => {
    const attempt = () => resolveFilesDir(env, { dialect, file });
    expect(attempt).toThrow(FilesDirError);
    expect(attempt).toThrow(message);
  });
});
