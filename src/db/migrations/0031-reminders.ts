import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 督办 (issue 15, docs/supervision.md): a supervisor's reminder to an agency below them, with a
 * deadline, tracked until answered and closed. `agency_id` is the agency reminded, `from_agency_id`
 * the supervising office whose scope it was sent under; the history is in `events` (subject
 * `reminder`).
 */
export function remindersMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('reminders'), dialect))
        .addColumn('from_agency_id', 'integer', (c) =>
          c.notNull().references('agencies.id').onDelete('cascade'),
        )
        .addColumn('subject', 'varchar(16)', (c) => c.notNull())
        .addColumn('subject_label', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('state', 'varchar(16)', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answered_at', 'varchar(32)')
        .addColumn('closed_at', 'varchar(32)')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('reminders_agency')
        .on('reminders')
        .columns(['agency_id', 'state'])
        .execute();
      await db.schema
        .createIndex('reminders_from')
        .on('reminders')
        .columns(['from_agency_id', 'state'])
        .execute();
    },
  };
}
