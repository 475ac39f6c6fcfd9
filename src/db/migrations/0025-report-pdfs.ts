import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';

/**
 * The PDF of a published version, made once and kept (docs/reports.md): printed by Chromium when the
 * version is published or corrected — or, when Chromium was not available then, and for versions
 * published before this migration, at the first download — and served byte for byte ever after, its
 * SHA-256 the strong ETag. In the database, like the letters' DOCX, so a backup holds it with the
 * version it belongs to. One row per version (`version_id` unique); never updated.
 */
export function reportPdfsMigration(dialect: Dialect) {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('annual_report_pdfs')
        .addColumn('version_id', 'integer', (c) =>
          c.primaryKey().references('annual_report_versions.id').onDelete('cascade'),
        )
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('pdf', sql.raw(blob), (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('annual_report_pdfs').execute();
    },
  };
}
