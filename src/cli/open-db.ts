import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Db, openDb, parseDatabaseUrl } from '../db/connection.ts';
import { type CliIo, databaseUrl, writeErr } from './io.ts';

/**
 * The database of a command. Without DATABASE_URL that is the SQLite file ./data/gongkai.db of the
 * current directory: run elsewhere than the installation's folder (`npx gongkai …` from another
 * directory), it would silently be a new, empty database — so its creation is said on stderr, with
 * where the file is and how to name another database.
 */
export function openCliDb(io: CliIo, options?: Parameters<typeof openDb>[1]): Db {
  const url = databaseUrl(io);
  const { dialect, target } = parseDatabaseUrl(url);
  const file = dialect === 'sqlite' && target !== ':memory:' ? resolve(target) : null;
  const created = !io.env.DATABASE_URL && file !== null && !existsSync(file);
  const db = openDb(url, options);
  if (created)
    writeErr(
      io,
      `注意：未设置环境变量 DATABASE_URL，已在 ${file} 新建了一个空数据库（当前目录下原来没有数据库）。` +
        '如要使用已有的数据库，请在平台安装目录下运行，或设置 DATABASE_URL，例如 ' +
        'DATABASE_URL=sqlite:/srv/gongkai/data/gongkai.db 或 DATABASE_URL=postgres://用户@主机:5432/数据库名。',
    );
  return db;
}
