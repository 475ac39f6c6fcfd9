/**
 * Where the installation's attachments live, decided once at start-up as an absolute path — never
 * relative to the working directory (a server started from another folder would otherwise find no
 * files, or write a second store):
 * - `GONGKAI_FILES_DIR`, which must be absolute;
 * - else, for a SQLite database file, the folder `files` beside it (`sqlite:/srv/gongkai/gongkai.db`
 *   → `/srv/gongkai/files`; the default `./data/gongkai.db` → `<absolute>/data/files`, as before);
 * - else (PostgreSQL, or SQLite in memory) there is no sensible default: GONGKAI_FILES_DIR is required.
 */
import { dirname, isAbsolute, join } from 'node:path';
import type { Db } from '../db/connection.ts';

/** A folder setting that cannot be used as it is; the message says what to set, in Chinese. */
export class FilesDirError extends Error {
  override readonly name = 'FilesDirError';
}

/** The absolute attachments folder of an installation with database `db` and environment `env`. */
export function resolveFilesDir(
  env: Readonly<Record<string, string | undefined>>,
  db: Pick<Db, 'dialect' | 'file'>,
): string {
  const configured = env.GONGKAI_FILES_DIR;
  if (configured) {
    if (!isAbsolute(configured))
      throw new FilesDirError(
        `GONGKAI_FILES_DIR 应为绝对路径（如 /var/lib/gongkai/files），收到“${configured}”：相对路径会随启动时的工作目录而变。`,
      );
    return configured;
  }
  if (db.dialect === 'sqlite' && db.file) return join(dirname(db.file), 'files');
  throw new FilesDirError(
    db.dialect === 'postgres'
      ? '使用 PostgreSQL 时须设置 GONGKAI_FILES_DIR：附件存放的文件夹，绝对路径（如 /var/lib/gongkai/files）。'
      : '内存中的 SQLite 数据库没有所在文件夹：请设置 GONGKAI_FILES_DIR（附件存放的文件夹，绝对路径）。',
  );
}

/**
 * Where the server writes the backups a platform administrator asks for in the console:
 * GONGKAI_BACKUP_DIR, absolute; null when not set (backups are then made with `gongkai backup`).
 */
export function resolveBackupDir(env: Readonly<Record<string, string | undefined>>): string | null {
  const configured = env.GONGKAI_BACKUP_DIR;
  if (!configured) return null;
  if (!isAbsolute(configured))
    throw new FilesDirError(
      `GONGKAI_BACKUP_DIR 应为绝对路径（如 /var/backups/gongkai），收到“${configured}”。`,
    );
  return configured;
}
