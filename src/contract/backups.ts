/** The backups routes' contract (platform administrators; docs/operations.md). */
import { z } from 'zod';

export const backupSchema = z.object({
  at: z.string().describe('when it was made (ISO instant)'),
  actor: z.string().describe('who made it (username)'),
  actorName: z.string().describe('who made it, by name (姓名)'),
  file: z.string().describe('the archive on the server’s disk'),
  sha256: z.string().describe('the archive’s SHA-256'),
  bytes: z.number().int(),
  kind: z.enum(['sqlite', 'postgres']),
  migration: z.string().describe('the schema’s migration level'),
  rows: z.number().int().describe('every table’s rows added up'),
  attachments: z.object({
    count: z.number().int(),
    bytes: z.number().int(),
    damaged: z
      .array(z.string())
      .describe(
        'attachments whose content no longer matched their name (SHA-256) when backed up: damaged on disk',
      ),
  }),
});

export const backupListSchema = z.object({
  /** where the server writes backups (GONGKAI_BACKUP_DIR); null: not set, backups only with the CLI */
  directory: z.string().nullable(),
  backups: z.array(backupSchema).describe('the backups made, newest first (the event log’s backups.created)'),
});

export type BackupJson = z.infer<typeof backupSchema>;
export type BackupListJson = z.infer<typeof backupListSchema>;
