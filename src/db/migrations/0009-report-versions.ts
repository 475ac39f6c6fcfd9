import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * Editing and publishing the annual report (docs/reports.md):
 * - `annual_reports.version`: the draft's version for optimistic concurrency (0: never saved);
 *   `annual_reports.published_on` keeps the day version 1 went public.
 * - `annual_report_versions`: each published version, frozen — the full report as JSON (cells,
 *   sections, charts, violations, and the year's facts the next year compares with), the day it
 *   went public, who published it and, for a correction (version 2, 3, …), its reason. Rows are
 *   never updated; a concurrent second publisher of the same version loses on the unique index.
 */
export function reportVersionsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('annual_reports')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await withAgency(withId(db.schema.createTable('annual_report_versions'), dialect))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('annual_report_versions_year_version')
        .on('annual_report_versions')
        .columns(['agency_id', 'year', 'version'])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('annual_report_versions').execute();
      await db.schema.alterTable('annual_reports').dropColumn('version').execute();
    },
  };
}
