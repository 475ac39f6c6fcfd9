import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** The databases data-layer tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): Array<{ name: string; url: string }> {
  const list = [{ name: 'SQLite', url: 'sqlite::memory:' }];
  const pg = process.env.TEST_DATABASE_URL;
  if (pg) list.push({ name: 'PostgreSQL', url: pg });
  return list;
}

/**
 * Runs a suite once per database, each on its own fresh database: an in-memory SQLite file, or a
 * new PostgreSQL schema dropped afterwards. `use()` gives the suite its migrated Db.
 */
export function describeEachDatabase(title: string, suite: (use: () => Db) => void): void {
  for (const { name, url } of testDatabases()) {
    describe(`${title} [${name}]`, () => {
      let db: Db | undefined;
      let admin: Db | undefined;
      let schema: string | undefined;
      beforeAll(async () => {
        if (url.startsWith('postgres')) {
          schema = `gk_test_${randomBytes(6).toString('hex')}`;
          admin = openDb(url);
          await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
          db = openDb(url, { searchPath: schema });
        } else db = openDb(url);
        await migrateToLatest(db);
      });
      afterAll(async () => {
        await db?.close();
        if (admin && schema) {
          await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely);
          await admin.close();
        }
      });
      suite(() => {
        if (!db) throw new Error('database not ready');
        return db;
      });
    });
  }
}
