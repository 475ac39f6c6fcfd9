import type { Kysely } from 'kysely';

/**
 * The images a site's settings point at (issue 13, docs/portal.md): the 党政机关网站 mark and the
 * icon, uploaded from the console or `gongkai site --mark/--favicon`. Their bytes are in the
 * attachments' store (by SHA-256, src/files); a row here is what lets the portal serve them at
 * `/site-files/<sha256>.<ext>` — a stored file without a row (a request's attachment) is never
 * served there. One row per content, never updated: the events say who uploaded it for which site.
 */
export function siteFilesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('site_files')
        .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('storage_key', 'varchar(128)', (c) => c.notNull())
        .addColumn('media_type', 'varchar(64)', (c) => c.notNull())
        .addColumn('extension', 'varchar(8)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('site_files_storage_key').on('site_files').column('storage_key').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('site_files').execute();
    },
  };
}
