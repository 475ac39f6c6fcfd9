/**
 * The manifest of a backup archive (`manifest.json`, its last entry): what it is, when and by whom
 * it was made, the database (kind, schema, migration level, every table's row count) and every
 * other entry's path, size and SHA-256. A restore checks the archive against it before writing.
 */
import { z } from 'zod';
import { BackupError } from './errors.ts';

export const BACKUP_FORMAT = 'gongkai-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Where the database dump is in the archive, by kind. */
export const DATABASE_ENTRY = {
  sqlite: 'database/gongkai.sqlite',
  postgres: 'database/gongkai.pgdump',
} as const;

/** Where an attachment stored under `key` (`ab/abcdef…`) is in the archive. */
export const fileEntry = (key: string): string => `files/${key}`;

/** An attachment's entry: `files/ab/abcdef…`, named by its SHA-256 (the first two digits a folder). */
const FILE_ENTRY = /^files\/([0-9a-f]{2})\/(\1[0-9a-f]{62})$/;

/** Whether an attachment's entry holds the content its name says (its SHA-256). */
export const matchesItsName = (entry: { path: string; sha256: string }): boolean =>
  FILE_ENTRY.exec(entry.path)?.[2] === entry.sha256;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    /** PostgreSQL: the schema dumped (restored into the same) */
    schema: z.string().nullable(),
    /** the last migration applied (`0015-agency-remedies`) */
    migration: z.string(),
    entry: z.string(),
    tables: z.record(z.string(), z.number().int().nonnegative()),
  }),
  attachments: z.object({
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** entries whose content did not match their name when backed up (damaged in the store), copied as they were */
    damaged: z.array(z.string()).default([]),
  }),
  entries: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256 })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The manifest read from an archive, checked; a BackupError in Chinese when it is not one. */
export function parseManifest(value: unknown): BackupManifest {
  const format = (value as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== BACKUP_FORMAT)
    throw new BackupError(
      '这不是 gongkai 的备份文件（manifest.json 中没有 gongkai-backup 标识），不能恢复。',
    );
  if (format.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `备份文件格式版本为 ${String(format.formatVersion)}，本程序只能恢复第 ${BACKUP_FORMAT_VERSION} 版：请用生成该备份的 gongkai 版本（或更新的版本）恢复。`,
    );
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success)
    throw new BackupError(
      `备份文件的 manifest.json 不完整（${parsed.error.issues[0]?.path.join('.') || '内容'}有误），不能恢复。`,
    );
  return parsed.data;
}

/** A difference between the manifest and the archive's entries, in Chinese; none when they agree. */
export function entryProblems(
  manifest: BackupManifest,
  found: ReadonlyMap<string, { size: number; sha256: string }>,
): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    listed.add(entry.path);
    if (entry.path !== manifest.database.entry) {
      const name = FILE_ENTRY.exec(entry.path)?.[2];
      if (name === undefined) problems.push(`${entry.path} 不是附件的存储名`);
      else if (name !== entry.sha256 && !manifest.attachments.damaged.includes(entry.path))
        problems.push(`${entry.path} 的名称与其校验和不符`);
    }
    const actual = found.get(entry.path);
    if (!actual) problems.push(`缺少 ${entry.path}`);
    else if (actual.size !== entry.size)
      problems.push(`${entry.path} 大小不符（清单 ${entry.size} 字节，实际 ${actual.size} 字节）`);
    else if (actual.sha256 !== entry.sha256) problems.push(`${entry.path} 校验和（SHA-256）不符`);
  }
  for (const path of found.keys()) if (!listed.has(path)) problems.push(`多出清单以外的 ${path}`);
  if (!listed.has(manifest.database.entry)) problems.push(`清单未列出数据库 ${manifest.database.entry}`);
  return problems;
}
