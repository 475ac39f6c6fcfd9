import { afterAll, beforeAll, describe } from 'vitest';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { type DemoVariant, postgresDemoCopy, sqliteDemoCopy } from './demo-template.ts';

/** The databases data-layer tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): Array<{ name: string; url: string }> {
  const list = [{ name: 'SQLite', url: 'sqlite::memory:' }];
  const pg = process.env.TEST_DATABASE_URL;
  if (pg) list.push({ name: 'PostgreSQL', url: pg });
  return list;
}

/**
 * Runs a suite once per database, each on its own fresh database: an in-memory SQLite file, or a
 * PostgreSQL database created from the run's migrated template (test/demo-template.ts) and
 * dropped afterwards. `use()` gives the suite its migrated Db.
 */
export function describeEachDatabase(title: string, suite: (use: () => Db) => void): void {
  eachDatabase(title, suite, undefined);
}

/**
 * As describeEachDatabase, but each database starts with the demo agency as `gongkai demo` loads
 * it: a copy of the run's template (test/demo-template.ts), a SQLite file or a PostgreSQL database
 * dropped afterwards, instead of loading the demo again for every suite.
 */
export function describeEachWithDemo(title: string, suite: (use: () => Db) => void): void {
  eachDatabase(title, suite, 'published');
}

/** As describeEachWithDemo, with the demo's 2021 report a draft (loaded by `test`), for the report suites. */
export function describeEachWithDraftDemo(title: string, suite: (use: () => Db) => void): void {
  eachDatabase(title, suite, 'draft');
}

let sqliteImage: Promise<Buffer> | undefined;

/**
 * An in-memory SQLite database migrated to the latest schema, serialized: made once per worker (the
 * files share a worker's modules, vitest.config.ts), each suite opening its own copy of it in
 * memory. Running the migrations took about 2 s of CPU per suite on the busy machine, for each of
 * the ~70 suites on an empty database; opening the image, milliseconds.
 */
function migratedSqliteImage(): Promise<Buffer> {
  sqliteImage ??= (async () => {
    const db = openDb('sqlite::memory:');
    try {
      await migrateToLatest(db);
      if (!db.sqlite) throw new Error('not a SQLite database');
      return db.sqlite.serialize();
    } finally {
      await db.close();
    }
  })();
  return sqliteImage;
}

/** Time for a suite's set-up: the first one of a kind builds the run's template (loading the demo), on a busy machine. */
const DEMO_HOOK_TIMEOUT = 180_000;

function eachDatabase(title: string, suite: (use: () => Db) => void, demo: DemoVariant | undefined): void {
  for (const { name, url } of testDatabases()) {
    describe(`${title} [${name}]`, () => {
      let db: Db | undefined;
      let remove: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (url.startsWith('postgres')) {
          const copy = await postgresDemoCopy(url, demo ?? 'empty');
          remove = copy.remove;
          db = openDb(copy.url);
        } else if (demo) {
          const copy = await sqliteDemoCopy(demo);
          remove = copy.remove;
          db = openDb(copy.url);
        } else db = openDb(url, { image: await migratedSqliteImage() });
        await migrateToLatest(db);
      }, DEMO_HOOK_TIMEOUT);
      afterAll(async () => {
        await db?.close();
        await remove?.();
      });
      suite(() => {
        if (!db) throw new Error('database not ready');
        return db;
      });
    });
  }
}
