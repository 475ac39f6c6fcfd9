/**
 * A SQLite database in a backup: the file as SQLite's online backup API copies it (better-sqlite3
 * `backup`), page by page — consistent while the server keeps writing, the write-ahead log
 * included, every value as stored (ID numbers stay as the database holds them). The copy is then
 * switched out of WAL mode so it is one self-contained file. Restoring runs the same API the other
 * way: the target is locked for the whole copy, so readers see the old database or the new one.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrationLevel, tableCounts } from './tables.ts';

/** What the copy holds, read from the copy itself. */
export interface DumpFacts {
  tables: Record<string, number>;
  migration: string | null;
}

/** Copies the database `file` to `to` with the online backup API; counts the copy's rows. */
export async function dumpSqlite(file: string, to: string): Promise<DumpFacts> {
  const source = new SQLite(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(to);
  } finally {
    source.close();
  }
  const copy = new SQLite(to);
  copy.pragma('journal_mode = DELETE');
  return readFacts(copy);
}

/** The row counts and migration level of a SQLite file (closes it). */
async function readFacts(database: SQLite.Database): Promise<DumpFacts> {
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  try {
    return { tables: await tableCounts(kysely, 'sqlite'), migration: await migrationLevel(kysely, 'sqlite') };
  } finally {
    await kysely.destroy();
  }
}

/** Replaces the database `targetFile` (created when missing) with the copy `staged`. */
export async function restoreSqlite(staged: string, targetFile: string): Promise<void> {
  const source = new SQLite(staged, { readonly: true, fileMustExist: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
}
