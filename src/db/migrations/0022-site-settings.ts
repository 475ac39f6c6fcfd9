import type { Kysely } from 'kysely';

/**
 * A portal's identity as a government website (issue 13, docs/portal.md): `site_settings` holds
 * the installation's settings (`scope` 'installation', no agency) and each agency's (`scope`
 * 'agency:<id>') — 网站名称, 主办单位, 承办单位, 联系我们, 网站标识码, ICP备案号, 公安机关备案号, the
 * 党政机关网站 mark, the icon — as one JSON object checked on write (contract/site-settings.ts).
 */
export function siteSettingsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('site_settings')
        .addColumn('scope', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('site_settings').execute();
    },
  };
}
