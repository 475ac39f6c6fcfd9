/** The backups made, as the event log has them (`backups.created`), newest first. */
import type { BackupJson } from '../../contract/backups.ts';
import type { Db } from '../connection.ts';
import { loadActorNames } from './actor-names.ts';

/** The last `limit` backups. */
export async function listBackups(db: Db, limit = 100): Promise<BackupJson[]> {
  const rows = await db.kysely
    .selectFrom('events')
    .select(['at', 'actor', 'data'])
    .where('name', '=', 'backups.created')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const names = await loadActorNames(
    db,
    rows.map((row) => row.actor),
  );
  return rows.map((row) => {
    const data = JSON.parse(row.data) as Omit<BackupJson, 'at' | 'actor' | 'actorName'>;
    return {
      at: row.at,
      actor: row.actor,
      actorName: names(row.actor),
      file: data.file,
      sha256: data.sha256,
      bytes: data.bytes,
      kind: data.kind,
      migration: data.migration,
      rows: data.rows,
      attachments: { ...data.attachments, damaged: data.attachments.damaged ?? [] },
    };
  });
}
