import type { Kysely } from 'kysely';

/**
 * A letter's DOCX is built when it is first downloaded, not when it is issued (building it took
 * two thirds of an online submission's time): `letters.source` keeps what the letter was composed
 * from — its data and the template in force (JSON) — so the file built later says exactly what the
 * HTML stored at issue says. Until then `letters.docx` is empty. Null for letters issued before.
 */
export function letterSourceMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('letters').addColumn('source', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('letters').dropColumn('source').execute();
    },
  };
}
