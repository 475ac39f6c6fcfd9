import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withId } from './columns.ts';

/**
 * 年报体检 kept (issue 14, docs/report-check.md): a report file checked by signed-in staff — on the
 * portal's /check page or in a batch from the console — one `report_checks` row with what was read
 * and found (`result`: the CheckedReport as JSON). The file itself is not kept, only its SHA-256 and
 * size. `agency_id` is the staff user's agency (null: a platform administrator's check); a batch
 * (`report_check_batches`) groups the files uploaded together.
 */
export function reportChecksMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('report_check_batches'), dialect)
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('reports', 'integer', (c) => c.notNull())
        .addColumn('unreadable', 'integer', (c) => c.notNull())
        .addColumn('with_errors', 'integer', (c) => c.notNull())
        .addColumn('errors', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('report_checks'), dialect)
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
        .addColumn('batch_id', 'integer', (c) => c.references('report_check_batches.id').onDelete('cascade'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('source_type', 'varchar(16)')
        .addColumn('agency_name', 'text')
        .addColumn('year', 'integer')
        .addColumn('format', 'varchar(8)')
        .addColumn('errors', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('checked_by', 'text', (c) => c.notNull())
        .addColumn('checked_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('report_checks_batch').on('report_checks').column('batch_id').execute();
      await db.schema
        .createIndex('report_checks_agency')
        .on('report_checks')
        .columns(['agency_id', 'checked_at'])
        .execute();
      await db.schema
        .createIndex('report_check_batches_agency')
        .on('report_check_batches')
        .columns(['agency_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('report_checks').execute();
      await db.schema.dropTable('report_check_batches').execute();
    },
  };
}
