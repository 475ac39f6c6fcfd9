/**
 * `gongkai restore FILE [--force]`: a backup archive back into this installation's database and
 * attachments' store — a folder or an S3-compatible bucket, whichever the backup came from. Every entry is extracted to a staging folder and checked against the
 * manifest (size and SHA-256) before anything of the installation is written; a damaged archive is
 * refused with a Chinese sentence. The target must be empty — a new database, or one only migrated
 * — unless `force`: then the restore replaces everything, the database in one transaction (SQLite's
 * backup API holds the target locked for the copy; PostgreSQL's runs in `psql
 * --single-transaction`). Attachments are added first (content-addressed, so adding is harmless;
 * each streamed into the store with its size and SHA-256 checked again as written),
 * the database after, then the migrations this version has beyond the backup's, and the event
 * `backups.restored`.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { readArchive, type StagedArchive } from '../../backups/archive.ts';
import { restorePostgres } from '../../backups/database-postgres.ts';
import { restoreSqlite } from '../../backups/database-sqlite.ts';
import { BackupError } from '../../backups/errors.ts';
import { type BackupManifest, entryProblems, parseManifest } from '../../backups/manifest.ts';
import { tableCounts, tablesWithData } from '../../backups/tables.ts';
import { appendEvent } from '../../db/events.ts';
import { migrateToLatest, migrationNames } from '../../db/migrate.ts';
import { inTransaction } from '../../db/transaction.ts';
import { FileStoreError } from '../../files/checked-bytes.ts';
import type { FileStore } from '../../files/file-store.ts';
import type { CommandContext, NamedActor } from '../context.ts';
import { totalRows } from './create-backup.ts';

export interface RestoreBackupInput {
  /** the archive `gongkai backup` wrote */
  archive: string;
  /** the attachments' store (a folder or a bucket) */
  files: FileStore;
  /** replace a database that already holds data */
  force: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export interface RestoreResult {
  sha256: string;
  bytes: number;
  manifest: BackupManifest;
  /** the target held data that the restore replaced */
  replaced: boolean;
  /** attachments written, and those already in the store */
  attachments: { written: number; present: number };
  /** the migration level after the restore (this version's latest) */
  migration: string;
}

const SHOWN_TABLES = 5;

/** Restores the archive; throws BackupError (nothing written) when it cannot. */
export async function restoreBackup(
  ctx: CommandContext<NamedActor>,
  input: RestoreBackupInput,
): Promise<RestoreResult> {
  const archivePath = resolve(input.archive);
  const staging = await mkdtemp(join(tmpdir(), 'gongkai-restore-'));
  try {
    const staged = await readArchive(archivePath, staging);
    const manifest = parseManifest(staged.manifest);
    const problems = entryProblems(manifest, staged.entries);
    if (problems.length > 0)
      throw new BackupError(
        `备份文件已损坏，与其清单不符：${problems.slice(0, SHOWN_TABLES).join('；')}${problems.length > SHOWN_TABLES ? `……共 ${problems.length} 处` : ''}。不能恢复：请换一份完好的备份。`,
      );
    await checkTarget(ctx, manifest, input.force);
    const replaced = tablesWithData(await tableCounts(ctx.db.kysely, ctx.db.dialect)).length > 0;

    const attachments = { written: 0, present: 0 };
    for (const entry of staged.entries.values()) {
      if (!entry.path.startsWith('files/')) continue;
      const written = await putAttachment(input.files, entry);
      attachments[written ? 'written' : 'present'] += 1;
    }

    const database = databaseEntry(staged, manifest);
    if (ctx.db.dialect === 'sqlite') {
      if (!ctx.db.file)
        throw new BackupError(
          '不能恢复到内存中的 SQLite 数据库：请用 DATABASE_URL=sqlite:文件路径 指定数据库文件。',
        );
      await restoreSqlite(database, ctx.db.file);
    } else
      await restorePostgres(database, ctx.db.url, input.env, manifest.database.schema ?? 'public', staging);

    const restored = await tableCounts(ctx.db.kysely, ctx.db.dialect);
    const differ = Object.entries(manifest.database.tables).filter(
      ([table, rows]) => restored[table] !== rows,
    );
    if (differ.length > 0)
      throw new Error(
        `恢复后的行数与备份清单不符：${differ.map(([t, n]) => `${t} 应为 ${n} 行，实为 ${restored[t] ?? '无此表'}`).join('；')}`,
      );
    await migrateToLatest(ctx.db);
    const names = await migrationNames(ctx.db);
    const migration = names[names.length - 1];

    await inTransaction(ctx.db, (trx) =>
      appendEvent(trx, {
        name: 'backups.restored',
        subject: { type: 'backup', id: staged.sha256 },
        agency: null,
        actor: ctx.actor.username,
        at: ctx.clock.now(),
        data: {
          reason: `从 ${archivePath}（${manifest.createdAt} 备份）恢复 ${totalRows(manifest.database.tables)} 行数据、${manifest.attachments.count} 个附件${replaced ? '，替换了原有数据' : ''}`,
          file: archivePath,
          sha256: staged.sha256,
          bytes: staged.bytes,
          createdAt: manifest.createdAt,
          createdBy: manifest.createdBy,
          kind: manifest.database.kind,
          migration: { backup: manifest.database.migration, after: migration },
          rows: totalRows(manifest.database.tables),
          attachments: { count: manifest.attachments.count, ...attachments },
          replaced,
        },
      }),
    );
    return { sha256: staged.sha256, bytes: staged.bytes, manifest, replaced, attachments, migration };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Puts a staged attachment into the store (`damaged` ones as they were backed up: their bytes are
 * checked against the manifest, not their name); false when it was there already.
 */
async function putAttachment(
  files: FileStore,
  entry: { path: string; size: number; sha256: string; staged: string },
): Promise<boolean> {
  const expected = {
    key: entry.path.slice('files/'.length),
    size: entry.size,
    sha256: entry.sha256,
    name: entry.path,
  };
  try {
    return (await files.putStream(createReadStream(entry.staged), expected)).created;
  } catch (error) {
    if (error instanceof FileStoreError) throw new BackupError(`${error.message}数据库尚未改动。`);
    throw new BackupError(
      `附件 ${entry.path} 写入 ${files.describe} 失败（${error instanceof Error ? error.message : String(error)}），数据库尚未改动：请检查附件存储（文件夹或存储桶）的设置和权限后重新运行恢复。`,
    );
  }
}

/** The staged database dump. */
function databaseEntry(staged: StagedArchive, manifest: BackupManifest): string {
  const entry = staged.entries.get(manifest.database.entry);
  if (!entry) throw new BackupError(`备份文件缺少数据库 ${manifest.database.entry}，不能恢复。`);
  return entry.staged;
}

const KIND = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** Refuses a target the backup does not fit: another kind, a newer schema, another schema, data without force. */
async function checkTarget(
  ctx: CommandContext<NamedActor>,
  manifest: BackupManifest,
  force: boolean,
): Promise<void> {
  const { kind, migration, schema } = manifest.database;
  if (kind !== ctx.db.dialect)
    throw new BackupError(
      `这是 ${KIND[kind]} 数据库的备份，不能恢复到 ${KIND[ctx.db.dialect]} 数据库：请把 DATABASE_URL 指向 ${KIND[kind]} 数据库。`,
    );
  const known = await migrationNames(ctx.db);
  if (!known.includes(migration))
    throw new BackupError(
      `这份备份来自更新版本的 gongkai（数据库结构 ${migration}），本程序只到 ${known[known.length - 1]}：请先升级 gongkai 再恢复。`,
    );
  if (ctx.db.dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(ctx.db.kysely);
    const current = rows[0]?.schema;
    if (schema !== current)
      throw new BackupError(
        `这份备份是 PostgreSQL schema “${schema}”的，目标连接使用“${current}”：请连接到同名的 schema 再恢复。`,
      );
  }
  const withData = tablesWithData(await tableCounts(ctx.db.kysely, ctx.db.dialect));
  if (withData.length > 0 && !force) {
    const shown = withData.slice(0, SHOWN_TABLES).map(([table, rows]) => `${table} ${rows} 行`);
    throw new BackupError(
      `目标数据库已有数据（${shown.join('、')}${withData.length > SHOWN_TABLES ? '……' : ''}），恢复会替换其全部数据。确认要替换时，加 --force 重新运行。`,
    );
  }
}
