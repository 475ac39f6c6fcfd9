/**
 * A backup made by an older version of gongkai (its schema one migration behind) restores, and the
 * restore then runs the migrations this version has beyond it — on both databases.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import { databaseUrlOf } from '../../../test/demo-template.ts';
import { type Db, openDb } from '../../db/connection.ts';
import { appendEvent } from '../../db/events.ts';
import { migrateTo, migrateToLatest, migrationNames } from '../../db/migrate.ts';
import { testContext } from '../testing-context.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

const actor = { username: 'cli:ops' };

for (const { name, url } of testDatabases()) {
  describe(`a backup made one migration ago [${name}]`, () => {
    let scratch: string;
    const cleanups: Array<() => Promise<void>> = [];

    /** A new, empty database: a SQLite file, or a PostgreSQL database dropped afterwards. */
    async function freshDatabase(): Promise<Db> {
      if (!url.startsWith('postgres')) {
        const db = openDb(`sqlite:${join(scratch, `${randomBytes(4).toString('hex')}.db`)}`);
        cleanups.push(() => db.close());
        return db;
      }
      const database = `gk_older_${randomBytes(6).toString('hex')}`;
      const admin = openDb(url);
      await sql`create database ${sql.id(database)}`.execute(admin.kysely);
      await admin.close();
      const db = openDb(databaseUrlOf(url, database));
      cleanups.push(async () => {
        await db.close();
        const dropper = openDb(url);
        await sql`drop database if exists ${sql.id(database)}`.execute(dropper.kysely);
        await dropper.close();
      });
      return db;
    }

    beforeAll(async () => {
      scratch = await mkdtemp(join(tmpdir(), 'gongkai-older-backup-'));
    });
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
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
        filesDir: files,
        env: process.env,
      });
      expect(backup.manifest.database.migration).toBe(older);

      const target = await freshDatabase();
      await migrateToLatest(target);
      const restored = await restoreBackup(testContext(target, { actor }), {
        archive,
        filesDir: files,
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
