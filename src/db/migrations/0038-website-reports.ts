import type { Kysely } from 'kysely';
import { withAgency } from './columns.ts';

/**
 * 政府网站工作年度报表 (issue 15, docs/website-report.md): `website_reports`, per agency and year the
 * rows the platform cannot know (访问量, ICP备案编号, 安全防护 …) as the 机关管理员 filled them in —
 * JSON, row code → value; the computed rows are worked out from the data when read, never stored.
 * Every save is an event `website_report.saved` with the rows changed.
 */
export function websiteReportsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(db.schema.createTable('website_reports'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('website_reports_pk', ['agency_id', 'year'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('website_reports').execute();
    },
  };
}
