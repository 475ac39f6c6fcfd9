import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 发布前自查 (issue 15, docs/screening.md): an agency's 错敏词 list (`screening_words`, one row per
 * wrong form, its correct form and a note), and every screening of an item (`item_screenings`): when
 * it was sent to 保密审查 and when the reviewer passed it, what was found (JSON, personal data
 * masked), the attachments whose text could not be read, who confirmed the findings and why, and
 * the event it was kept with.
 */
export function screeningMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('screening_words'), dialect))
        .addColumn('word', 'text', (c) => c.notNull())
        .addColumn('correction', 'text')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('screening_words_agency_word')
        .on('screening_words')
        .columns(['agency_id', 'word'])
        .unique()
        .execute();
      await withAgency(withId(db.schema.createTable('item_screenings'), dialect))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
        // `submitted` (送保密审查) or `review` (保密审查通过)
        .addColumn('stage', 'varchar(16)', (c) => c.notNull())
        .addColumn('screened_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('screened_by', 'text', (c) => c.notNull())
        .addColumn('finding_count', 'integer', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('unscreened', 'text', (c) => c.notNull())
        .addColumn('confirmed_by', 'text')
        .addColumn('confirmed_at', 'varchar(32)')
        .addColumn('confirm_note', 'text')
        .addColumn('event_id', 'integer')
        .execute();
      await db.schema
        .createIndex('item_screenings_item')
        .on('item_screenings')
        .columns(['item_id', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('item_screenings').execute();
      await db.schema.dropTable('screening_words').execute();
    },
  };
}
