import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';

/**
 * SQLite's full-text index keeps up to 16 MiB of new terms in memory before writing them out as a
 * segment (FTS5's `hashsize`; its default of 1 MiB made a 10,000-item batch three or four small
 * segments, each merged again later). Half the time per item indexed (bench:search). FTS5 keeps
 * the setting in the index itself; PostgreSQL has nothing to change.
 */
export function searchHashsizeMigration(dialect: Dialect) {
  const set = async (db: Kysely<unknown>, bytes: number) => {
    if (dialect === 'sqlite')
      await sql`insert into search_fts (search_fts, rank) values ('hashsize', ${sql.lit(bytes)})`.execute(db);
  };
  return {
    up: (db: Kysely<unknown>) => set(db, 16 * 1024 * 1024),
    down: (db: Kysely<unknown>) => set(db, 1024 * 1024),
  };
}
