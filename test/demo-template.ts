/**
 * The demo agency, loaded once per test run and database, for the suites that start from it.
 * Loading it (7,000 items into the search index, cases, users) takes seconds; a copy takes a
 * fraction of one. The first suite that needs a template builds it, under a lock in the run's
 * folder (test/global-setup.ts); the others wait for it. Each suite then works on its own copy: a
 * copy of the SQLite file, or a PostgreSQL database created from the template database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { loadDemo } from '../src/commands/load-demo.ts';
import { testContext } from '../src/commands/testing-context.ts';
import { type Db, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/**
 * The demo as `loadDemo` leaves it: `published` as `gongkai demo` loads it (its 2021 report
 * published as version 1); `draft` as test/report-app.ts loaded it (actor `test`, 2021 a draft).
 */
export type DemoVariant = 'published' | 'draft';

/** A PostgreSQL template: a demo variant, or `empty` (migrated only, for describeEachDatabase's suites). */
export type TemplateVariant = DemoVariant | 'empty';

async function loadVariant(db: Db, variant: TemplateVariant): Promise<void> {
  await migrateToLatest(db);
  if (variant === 'empty') return;
  const loaded =
    variant === 'published'
      ? await loadDemo(testContext(db, { actor: { username: 'gongkai demo' } }))
      : await loadDemo(testContext(db, { actor: { username: 'test' } }), { publish2021: false });
  if (!loaded.ok) throw new Error(`demo did not load: ${JSON.stringify(loaded.problems).slice(0, 500)}`);
}

/** The URL of database `name` on the server of `url`. */
export function databaseUrlOf(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Builds the template `key` once: the first caller takes the lock and runs `build`, then marks it
 * ready (or failed, with the reason); the others wait for the mark.
 */
async function once(key: string, build: () => Promise<void>): Promise<void> {
  const dir = inject('demoTemplates');
  const ready = join(dir, `${key}.ready`);
  const failed = join(dir, `${key}.failed`);
  let builder = true;
  try {
    await mkdir(join(dir, `${key}.lock`));
  } catch {
    builder = false;
  }
  if (builder) {
    try {
      await build();
      await writeFile(ready, '');
    } catch (error) {
      await writeFile(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
      throw error;
    }
    return;
  }
  while (!existsSync(ready)) {
    if (existsSync(failed))
      throw new Error(`demo template ${key} failed:\n${await readFile(failed, 'utf8')}`);
    await sleep(100);
  }
}

/** A fresh SQLite file with the demo (or only migrated, `empty`): a copy of the run's template; `remove` deletes it. */
export async function sqliteDemoCopy(
  variant: TemplateVariant,
): Promise<{ url: string; remove: () => Promise<void> }> {
  const dir = inject('demoTemplates');
  const template = join(dir, `sqlite-${variant}.db`);
  await once(`sqlite-${variant}`, async () => {
    const building = `${template}.building`;
    const db = openDb(`sqlite:${building}`);
    try {
      await loadVariant(db, variant);
      // one file holds it all: the WAL goes back into the database file
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
    } finally {
      await db.close();
    }
    await rename(building, template);
  });
  const file = join(dir, `copy-${randomBytes(6).toString('hex')}.db`);
  await copyFile(template, file);
  return {
    url: `sqlite:${file}`,
    remove: async () => {
      for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
    },
  };
}

/**
 * A fresh PostgreSQL database with the demo (or only migrated, `empty`), created from the run's
 * template database on the server of `url`; `remove` drops it. Creating a database from a template
 * copies its files (a few tenths of a second); migrating a new schema instead took seconds of both
 * the worker's and the server's time, for each of the ~70 suites on an empty database.
 */
export async function postgresDemoCopy(
  url: string,
  variant: TemplateVariant,
): Promise<{ url: string; remove: () => Promise<void> }> {
  const prefix = inject('demoTemplatePrefix');
  const template = `${prefix}_${variant}`;
  const admin = openDb(url);
  try {
    await once(`postgres-${variant}`, async () => {
      await sql`create database ${sql.id(template)}`.execute(admin.kysely);
      const db = openDb(databaseUrlOf(url, template));
      try {
        await loadVariant(db, variant);
      } finally {
        await db.close();
      }
    });
    // named with the run's prefix: what a worker leaves undropped, the run's end drops (test/global-setup.ts)
    const name = `${prefix}_copy_${randomBytes(6).toString('hex')}`;
    await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin.kysely);
    return {
      url: databaseUrlOf(url, name),
      remove: async () => {
        droppingLater(url, name);
      },
    };
  } finally {
    await admin.close();
  }
}

/**
 * Drops a suite's database without the suite waiting for it: PostgreSQL 15's DROP DATABASE waits
 * for a checkpoint, which took from half a second to 15 s on the busy machine, while the worker
 * could start its next file. What is not dropped when the worker ends (or fails to drop), the
 * run's end drops, by the run's prefix (test/global-setup.ts).
 */
function droppingLater(url: string, name: string): void {
  const dropper = openDb(url);
  sql`drop database if exists ${sql.id(name)}`
    .execute(dropper.kysely)
    .then(
      () => {},
      () => {},
    )
    .then(() => dropper.close())
    .catch(() => {});
}
