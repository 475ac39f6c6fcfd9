/**
 * New, empty databases for tests that need a whole database of their own (a backup's source, a
 * restore's target): a SQLite file under `scratch`, or a PostgreSQL database on the server of
 * `url`, dropped by `close`.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Db, openDb } from '../src/db/connection.ts';
import { databaseUrlOf, postgresDemoCopy, sqliteDemoCopy } from './demo-template.ts';

export interface FreshDatabases {
  /** a new empty database (not migrated) and its URL */
  fresh(): Promise<{ db: Db; url: string }>;
  /**
   * a new database migrated to the latest schema and empty, as `gongkai restore` leaves it before
   * restoring: a copy of the run's migrated template (test/demo-template.ts), a file copy or a
   * CREATE DATABASE … TEMPLATE instead of running every migration again (seconds on PostgreSQL)
   */
  migrated(): Promise<{ db: Db; url: string }>;
  /** closes every database made, dropping the PostgreSQL ones */
  close(): Promise<void>;
}

/** Fresh databases like `url` (testDatabases()'s): SQLite files in `scratch`, or PostgreSQL databases. */
export function freshDatabases(url: string, scratch: string, tag = 'fresh'): FreshDatabases {
  const cleanups: Array<() => Promise<void>> = [];
  return {
    async fresh() {
      if (!url.startsWith('postgres')) {
        const file = `sqlite:${join(scratch, `${tag}-${randomBytes(4).toString('hex')}.db`)}`;
        const db = openDb(file);
        cleanups.push(() => db.close());
        return { db, url: file };
      }
      const name = `gk_${tag}_${randomBytes(6).toString('hex')}`;
      const admin = openDb(url);
      await sql`create database ${sql.id(name)}`.execute(admin.kysely);
      await admin.close();
      const databaseUrl = databaseUrlOf(url, name);
      const db = openDb(databaseUrl);
      cleanups.push(async () => {
        await db.close();
        const dropper = openDb(url);
        await sql`drop database if exists ${sql.id(name)}`.execute(dropper.kysely);
        await dropper.close();
      });
      return { db, url: databaseUrl };
    },
    async migrated() {
      const copy = url.startsWith('postgres')
        ? await postgresDemoCopy(url, 'empty')
        : await sqliteDemoCopy('empty');
      const db = openDb(copy.url);
      cleanups.push(async () => {
        await db.close();
        await copy.remove();
      });
      return { db, url: copy.url };
    },
    async close() {
      for (const cleanup of cleanups.reverse()) await cleanup();
      cleanups.length = 0;
    },
  };
}

/**
 * A database of its own for a migration test, not migrated: an in-memory SQLite database, or a new
 * schema on the PostgreSQL server of `url`; `drop` closes it and drops the schema.
 */
export async function scratchSchema(url: string): Promise<{ db: Db; drop(): Promise<void> }> {
  if (!url.startsWith('postgres')) {
    const db = openDb(url);
    return { db, drop: () => db.close() };
  }
  const schema = `gk_test_${randomBytes(6).toString('hex')}`;
  const admin = openDb(url);
  await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
  const db = openDb(url, { searchPath: schema });
  return {
    db,
    async drop() {
      await db.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely);
      await admin.close();
    },
  };
}
