/**
 * Every table of the database and how many rows it holds: the manifest's counts, the check that a
 * restore's target is empty, and the check that the restored database holds what was backed up.
 */
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Dialect } from '../db/connection.ts';

/** Tables a freshly migrated database already has rows in: the migrator's, the search index's settings. */
const SEEDED = /^(kysely_migration|kysely_migration_lock|search_meta|search_fts(_[a-z]+)?)$/;

/** The tables of the connection's schema (SQLite: every table but SQLite's own), by name. */
export async function listTables(reader: QueryExecutorProvider, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`.execute(reader)
      : await sql<{ name: string }>`select tablename as name from pg_tables
          where schemaname = current_schema() order by tablename`.execute(reader);
  return rows.rows.map((r) => r.name);
}

/** Each table's row count. */
export async function tableCounts(
  reader: QueryExecutorProvider,
  dialect: Dialect,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(reader, dialect)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      reader,
    );
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** The tables holding the installation's data (not only what migrations put there), with their rows. */
export function tablesWithData(counts: Readonly<Record<string, number>>): Array<[string, number]> {
  return Object.entries(counts).filter(([table, rows]) => rows > 0 && !SEEDED.test(table));
}

/** The last migration applied (`0015-agency-remedies`); null when the database was never migrated. */
export async function migrationLevel(
  reader: QueryExecutorProvider,
  dialect: Dialect,
): Promise<string | null> {
  if (!(await listTables(reader, dialect)).includes('kysely_migration')) return null;
  const { rows } = await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(
    reader,
  );
  return rows[0]?.name ?? null;
}
