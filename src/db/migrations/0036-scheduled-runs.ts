import type { Kysely } from 'kysely';

/**
 * `scheduled_runs` (issue 15, docs/inspection.md "The daily run"): one row per scheduled job and
 * day — the daily 网站自查 of every agency. The server that inserts the row first runs the day; the
 * others see it taken and skip it, so several app servers on one database run each day once. A
 * claim whose run never finished (the server died) may be taken over after an hour.
 */
export function scheduledRunsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('scheduled_runs')
        .addColumn('job', 'varchar(32)', (c) => c.notNull())
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('runner', 'text', (c) => c.notNull())
        .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('finished_at', 'varchar(32)')
        .addColumn('agencies', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('vetoed', 'integer', (c) => c.notNull().defaultTo(0))
        /** JSON: [{ agency, message }] of the agencies whose run failed */
        .addColumn('failures', 'text', (c) => c.notNull().defaultTo('[]'))
        .addPrimaryKeyConstraint('scheduled_runs_pk', ['job', 'day'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('scheduled_runs').execute();
    },
  };
}
