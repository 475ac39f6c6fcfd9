import type { Kysely } from 'kysely';
import { withAgency } from './columns.ts';

/**
 * Self-inspection (网站自查, issue 15, docs/inspection.md):
 * - `column_settings`: a catalogue column's class for the inspection (`news` 动态要闻, `notice` 通知公告,
 *   `policy` 政策文件, `other`) and, for `other`, its expected frequency in days (null: no rule) — a
 *   第二十条 category (`scope` category) or one of the agency's sub-columns (`scope` column), as
 *   column_notes; no row: the default (domain/inspection/column-classes.ts);
 * - `inspection_results`: one row per agency × day × indicator — value, threshold, state (`ok`,
 *   `alarm`, `failed`) and the findings as JSON; a re-run of the day replaces the day's rows.
 */
export function inspectionMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(db.schema.createTable('column_settings'))
        .addColumn('scope', 'varchar(16)', (c) => c.notNull())
        .addColumn('code', 'varchar(32)', (c) => c.notNull())
        .addColumn('column_class', 'varchar(16)', (c) => c.notNull())
        .addColumn('frequency_days', 'integer')
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('column_settings_pk', ['agency_id', 'scope', 'code'])
        .execute();
      await withAgency(db.schema.createTable('inspection_results'))
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('indicator', 'varchar(32)', (c) => c.notNull())
        .addColumn('value', 'real')
        .addColumn('threshold', 'real', (c) => c.notNull())
        .addColumn('state', 'varchar(8)', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('run_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('inspection_results_pk', ['agency_id', 'day', 'indicator'])
        .execute();
      await db.schema
        .createIndex('inspection_results_indicator')
        .on('inspection_results')
        .columns(['agency_id', 'indicator', 'day'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('inspection_results').execute();
      await db.schema.dropTable('column_settings').execute();
    },
  };
}
