/**
 * A PostgreSQL database in a backup: `pg_dump --format=custom` of the connection's schema, in the
 * snapshot of a REPEATABLE READ transaction the backup holds open (`pg_export_snapshot`), so the
 * manifest's row counts are those of the dump exactly. Restoring: `pg_restore` turns the dump into
 * SQL, then `psql --single-transaction` drops the target schema and runs it — one transaction, so
 * a failure leaves the target as it was. Sequences and identity columns come back with their
 * values (`setval`), so the next id after a restore does not collide.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { DumpFacts } from './database-sqlite.ts';
import { migrationLevel, tableCounts } from './tables.ts';
import { startTool, toolConnection } from './tools.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Dumps the connection's schema to `to`; the counts are read in the dump's own snapshot. */
export async function dumpPostgres(db: Db, env: Env, to: string): Promise<DumpFacts & { schema: string }> {
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { rows } = await sql<{ snapshot: string; schema: string }>`
        select pg_export_snapshot() as snapshot, current_schema() as schema`.execute(trx);
      const { snapshot, schema } = rows[0];
      const connection = toolConnection(db.url, env);
      const dump = startTool(
        'pg_dump',
        [
          '--format=custom',
          '--compress=0',
          '--no-owner',
          '--no-privileges',
          `--schema=${schema}`,
          `--snapshot=${snapshot}`,
          `--file=${to}`,
          `--dbname=${connection.url}`,
        ],
        connection.env,
      );
      dump.stdin.end();
      dump.stdout.resume();
      await dump.done;
      return {
        schema,
        tables: await tableCounts(trx, 'postgres'),
        migration: await migrationLevel(trx, 'postgres'),
      };
    });
}

/** `"name"` as a PostgreSQL identifier. */
const identifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Replaces schema `schema` of the database at `url` with the dump `staged`, in one transaction. */
export async function restorePostgres(
  staged: string,
  url: string,
  env: Env,
  schema: string,
  stagingDir: string,
): Promise<void> {
  const connection = toolConnection(url, env);
  const script = join(stagingDir, 'restore.sql');
  const convert = startTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', `--file=${script}`, staged],
    connection.env,
  );
  convert.stdin.end();
  convert.stdout.resume();
  await convert.done;
  const apply = startTool(
    'psql',
    [
      '--no-psqlrc',
      '--quiet',
      '--set=ON_ERROR_STOP=1',
      '--single-transaction',
      `--command=DROP SCHEMA IF EXISTS ${identifier(schema)} CASCADE`,
      `--file=${script}`,
      `--dbname=${connection.url}`,
    ],
    connection.env,
  );
  apply.stdin.end();
  apply.stdout.resume();
  await apply.done;
}
