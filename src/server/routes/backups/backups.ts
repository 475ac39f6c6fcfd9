/**
 * Backups from the console (docs/operations.md), for platform administrators: the list of backups
 * made (the event log's `backups.created`) and a new backup written into GONGKAI_BACKUP_DIR on the
 * server, the attachments streamed from the installation's store (a folder or a bucket). Restoring
 * replaces the database under the running server, so it is only offered by the command line
 * (`gongkai restore`), with the server stopped.
 */
import { join } from 'node:path';
import { BackupError } from '../../../backups/errors.ts';
import { createBackup, totalRows } from '../../../commands/backups/create-backup.ts';
import { type BackupJson, backupListSchema, backupSchema } from '../../../contract/backups.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { listBackups } from '../../../db/queries/backups.ts';
import { installationContext } from '../../command-context.ts';
import { AppError } from '../../errors.ts';
import { errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `gongkai-20261206-101500.tar.gz`: the instant in China. */
function archiveName(at: Date): string {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `gongkai-${china.slice(0, 10).replaceAll('-', '')}-${china.slice(11, 19).replaceAll(':', '')}.tar.gz`;
}

export const backupRoutes: RouteModule = async (app, options) => {
  const { db, files, backupDir } = options;

  app.get(
    '/api/v1/backups',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['backups'],
        summary: 'The backups made, newest first, and where the server writes them (platform administrator)',
        response: { 200: backupListSchema, 401: errorBody, 403: errorBody },
      },
    },
    async () => ({ directory: backupDir, backups: await listBackups(db) }),
  );

  app.post(
    '/api/v1/backups',
    {
      config: { policy: 'platform' },
      schema: {
        tags: ['backups'],
        summary: 'Back up the database and every attachment into GONGKAI_BACKUP_DIR (platform administrator)',
        response: { 201: backupSchema, 401: errorBody, 403: errorBody, 409: errorBody, 503: errorBody },
      },
    },
    async (request, reply) => {
      if (!backupDir)
        throw new AppError(
          'conflict',
          '服务器未设置备份文件夹（GONGKAI_BACKUP_DIR，绝对路径）：请运维人员设置后重启平台，或在服务器上运行 gongkai backup --out 文件。',
        );
      const ctx = installationContext(request, options);
      try {
        const backup = await createBackup(ctx, {
          out: join(backupDir, archiveName(ctx.clock.now())),
          files,
          env: process.env,
        });
        const { database, attachments } = backup.manifest;
        const names = await loadActorNames(db, [ctx.actor.username]);
        const body: BackupJson = {
          at: backup.at,
          actor: ctx.actor.username,
          actorName: names(ctx.actor.username),
          file: backup.out,
          sha256: backup.sha256,
          bytes: backup.bytes,
          kind: database.kind,
          migration: database.migration,
          rows: totalRows(database.tables),
          attachments,
        };
        return reply.code(201).send(body);
      } catch (error) {
        if (error instanceof BackupError) throw new AppError('unavailable', error.message);
        throw error;
      }
    },
  );
};
