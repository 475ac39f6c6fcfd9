import type { Kysely } from 'kysely';

/**
 * The public portal: `online_submissions`, one row per online request filed through the portal's
 * form, keyed by the form's one-time submission token. Written in the transaction that registers
 * the request, so a repeated post of the same form (a double click, a reload) finds the first
 * request instead of creating a second one; the primary key makes a concurrent repeat lose.
 */
export function portalMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('online_submissions')
        .addColumn('token', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('online_submissions').execute();
    },
  };
}
