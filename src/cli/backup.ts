/**
 * `gongkai backup --out FILE` and `gongkai restore FILE [--force]` (docs/operations.md): the
 * database and the attachments in one archive, and back. Standard output gets the archive's
 * SHA-256 in `sha256sum` form; standard error says what was done.
 */
import { createBackup, totalRows } from '../commands/backups/create-backup.ts';
import { restoreBackup } from '../commands/backups/restore-backup.ts';
import type { Db } from '../db/connection.ts';
import { fileStoreFromEnv } from '../files/files-config.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, cliUsername, flags, UsageError, writeErr } from './io.ts';

const BACKUP_USAGE = 'gongkai backup --out 文件.tar.gz';
const RESTORE_USAGE = 'gongkai restore 文件.tar.gz [--force]';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** `gongkai backup --out FILE`. */
export async function backupCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, { out: { type: 'string' } });
  if (positionals.length > 0 || !values.out)
    throw new UsageError(`用法：${BACKUP_USAGE}（--out 写备份文件的路径）`);
  const out = values.out;
  const files = fileStoreFromEnv(io.env, db);
  const ctx = cliContext(db, { username: cliUsername(io) });
  const backup = await createBackup(ctx, { out, files, env: io.env });
  const { database, attachments } = backup.manifest;
  writeErr(
    io,
    `已备份：${db.describe}，${Object.keys(database.tables).length} 张表 ${totalRows(database.tables)} 行（结构 ${database.migration}），` +
      `${attachments.count} 个附件（${mib(attachments.bytes)}，${files.describe}）→ ${backup.out}（${mib(backup.bytes)}）`,
  );
  if (attachments.damaged.length > 0)
    writeErr(
      io,
      `警告：${attachments.damaged.length} 个附件的内容与其存储名（SHA-256）不符，存储中的文件可能已损坏，已原样备份：${attachments.damaged.join('、')}`,
    );
  io.stdout.write(`${backup.sha256}  ${backup.out}\n`);
  return 0;
}

/** `gongkai restore FILE [--force]`. */
export async function restoreCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, { force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError(`用法：${RESTORE_USAGE}（--force：替换已有数据）`);
  const files = fileStoreFromEnv(io.env, db);
  const ctx = cliContext(db, { username: cliUsername(io) });
  const restored = await restoreBackup(ctx, {
    archive: positionals[0],
    files,
    force: values.force === true,
    env: io.env,
  });
  const { database, createdAt } = restored.manifest;
  writeErr(
    io,
    `已恢复 ${createdAt} 的备份到 ${db.describe}：${totalRows(database.tables)} 行${restored.replaced ? '（替换了原有数据）' : ''}，` +
      `附件写入 ${restored.attachments.written} 个、已有 ${restored.attachments.present} 个（${files.describe}）；数据库结构 ${database.migration} → ${restored.migration}`,
  );
  io.stdout.write(`${restored.sha256}  ${positionals[0]}\n`);
  return 0;
}
