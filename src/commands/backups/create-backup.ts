/**
 * `gongkai backup --out FILE`: the database (SQLite's online backup API, or pg_dump in one
 * snapshot) and every attachment of the installation's store — a folder or an S3-compatible
 * bucket, each streamed from the store into the archive — in one archive, with a manifest of row counts and checksums
 * (src/backups/). The event `backups.created` records who made it, when, and what it holds:
 * the archive's SHA-256, its size, the row counts, the attachments.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ArchiveSource, writeArchive } from '../../backups/archive.ts';
import { dumpPostgres } from '../../backups/database-postgres.ts';
import { type DumpFacts, dumpSqlite } from '../../backups/database-sqlite.ts';
import { BackupError } from '../../backups/errors.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  DATABASE_ENTRY,
  fileEntry,
  matchesItsName,
} from '../../backups/manifest.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { FileStore, ListedFile } from '../../files/file-store.ts';
import type { CommandContext, NamedActor } from '../context.ts';

export interface CreateBackupInput {
  /** the archive to write (replaced when it exists) */
  out: string;
  /** the attachments' store (a folder or a bucket) */
  files: FileStore;
  /** the environment the PostgreSQL tools run with (PATH, GONGKAI_PG_BIN) */
  env: Readonly<Record<string, string | undefined>>;
}

export interface BackupResult {
  out: string;
  bytes: number;
  sha256: string;
  manifest: BackupManifest;
  /** when the backup was recorded in the event log (done) */
  at: string;
}

/** Writes the backup archive and records it in the event log. */
export async function createBackup(
  ctx: CommandContext<NamedActor>,
  input: CreateBackupInput,
): Promise<BackupResult> {
  const out = resolve(input.out);
  const staging = await mkdtemp(join(tmpdir(), 'gongkai-backup-'));
  try {
    const createdAt = ctx.clock.now().toISOString();
    const entry = DATABASE_ENTRY[ctx.db.dialect];
    const dumped = join(staging, 'database');
    let facts: DumpFacts & { schema: string | null };
    if (ctx.db.dialect === 'sqlite') {
      if (!ctx.db.file)
        throw new BackupError(
          '内存中的 SQLite 数据库无法备份：请用 DATABASE_URL=sqlite:文件路径 指定数据库文件。',
        );
      facts = { ...(await dumpSqlite(ctx.db.file, dumped)), schema: null };
    } else facts = await dumpPostgres(ctx.db, input.env, dumped);
    if (!facts.migration) throw new BackupError('数据库尚未建立（没有迁移记录），没有可备份的内容。');
    const migration = facts.migration;
    const { files } = input;
    const sources: ArchiveSource[] = [
      { name: entry, path: dumped },
      ...(await listAttachments(files)).map(({ key, size }) => ({
        name: fileEntry(key),
        size,
        from: files.describe,
        open: () => files.open(key),
      })),
    ];
    let manifest: BackupManifest | undefined;
    const archive = await writeArchive(out, sources, (entries) => {
      const files = entries.filter((e) => e.path !== entry);
      manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt,
        createdBy: ctx.actor.username,
        database: { kind: ctx.db.dialect, schema: facts.schema, migration, entry, tables: facts.tables },
        attachments: {
          count: files.length,
          bytes: files.reduce((sum, e) => sum + e.size, 0),
          damaged: files.filter((e) => !matchesItsName(e)).map((e) => e.path),
        },
        entries,
      };
      return manifest;
    });
    if (!manifest) throw new Error('manifest not written');
    const written = manifest;
    const at = ctx.clock.now();
    await inTransaction(ctx.db, (trx) =>
      appendEvent(trx, {
        name: 'backups.created',
        subject: { type: 'backup', id: archive.sha256 },
        agency: null,
        actor: ctx.actor.username,
        at,
        data: {
          reason: `备份 ${totalRows(written.database.tables)} 行数据、${written.attachments.count} 个附件到 ${out}`,
          file: out,
          sha256: archive.sha256,
          bytes: archive.bytes,
          kind: written.database.kind,
          migration,
          rows: totalRows(written.database.tables),
          tables: written.database.tables,
          attachments: written.attachments,
        },
      }),
    );
    return { out, ...archive, manifest: written, at: at.toISOString() };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The store's files, or a BackupError naming the store. */
async function listAttachments(files: FileStore): Promise<ListedFile[]> {
  try {
    return await files.list();
  } catch (error) {
    throw new BackupError(
      `读不到附件存储 ${files.describe} 中的附件清单（${error instanceof Error ? error.message : String(error)}），没有写出备份文件：请检查附件存储（文件夹或存储桶）的设置和权限后重新备份。`,
    );
  }
}

/** Every table's rows added up. */
export function totalRows(tables: Readonly<Record<string, number>>): number {
  return Object.values(tables).reduce((sum, n) => sum + n, 0);
}
