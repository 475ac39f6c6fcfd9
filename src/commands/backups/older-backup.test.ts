/**
 * A backup made by an older version of gongkai (its schema one migration behind) restores, and the
 * restore then runs the migrations this version has beyond it — on both databases.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import { type FreshDatabases, freshDatabases } from '../../../test/fresh-databases.ts';
import type { Db } from '../../db/connection.ts';
import { appendEvent } from '../../db/events.ts';
import { migrateTo, migrationNames } from '../../db/migrate.ts';
import { createFileStore } from '../../files/file-store.ts';
import { testContext } from '../testing-context.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

const actor = { username: 'cli:ops' };

for (const { name, url } of testDatabases()) {
  describe(`a backup made one migration ago [${name}]`, () => {
    let scratch: string;
    let databases: FreshDatabases;
    const freshDatabase = async (): Promise<Db> => (await databases.fresh()).db;

    beforeAll(async () => {
      scratch = await mkdtemp(join(tmpdir(), 'gongkai-older-backup-'));
      databases = freshDatabases(url, scratch, 'older');
    });
    afterAll(async () => {
      await databases.close();
      await rm(scratch, { recursive: true, force: true });
    });

    it('restores into this version’s empty database and brings the schema up to date', async () => {
      const source = await freshDatabase();
      const names = await migrationNames(source);
      const older = names[names.length - 2];
      await migrateTo(source, older);
      await appendEvent(source.kysely, {
        name: 'calendar.override_set',
        subject: { type: 'calendar_override', id: '2026-10-08' },
        agency: null,
        actor: 'older-version',
        at: new Date('2026-10-01T02:00:00Z'),
      });
      const archive = join(scratch, 'older.tar.gz');
      const files = join(scratch, 'files');
      const backup = await createBackup(testContext(source, { actor }), {
        out: archive,
        files: createFileStore(files),
        env: process.env,
      });
      expect(backup.manifest.database.migration).toBe(older);

      const target = (await databases.migrated()).db;
      const restored = await restoreBackup(testContext(target, { actor }), {
        archive,
        files: createFileStore(files),
        force: false,
        env: process.env,
      });
      expect(restored.migration).toBe(names[names.length - 1]);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        target.kysely,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(names);
      const event = await target.kysely
        .selectFrom('events')
        .select(['name', 'subject_id'])
        .where('actor', '=', 'older-version')
        .executeTakeFirst();
      expect(event).toEqual({ name: 'calendar.override_set', subject_id: '2026-10-08' });
    });
  });
}
