import type { Kysely } from 'kysely';

/**
 * Publishing a report over its errors (docs/reports.md): the approver's 说明 stored with the
 * version (`annual_report_versions.note`, null when the report had no error), and the deadline an
 * agency that 条例 第四十九条 does not bind has set itself for its annual report
 * (`agencies.report_deadline`, “MM-DD” of the following year; null: not set).
 */
export function reportGuardMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('annual_report_versions').addColumn('note', 'text').execute();
      await db.schema.alterTable('agencies').addColumn('report_deadline', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('agencies').dropColumn('report_deadline').execute();
      await db.schema.alterTable('annual_report_versions').dropColumn('note').execute();
    },
  };
}
