import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * Proactively disclosed items (主动公开): the items with their review (保密审查) and withdrawal,
 * their events, the agency's own catalogue sub-columns, the per-agency index-number counter and
 * prefix, attachments (files on disk, rows here), and on `publications` the item a row comes from
 * and the link of a posting on another channel.
 */
export function itemsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('items'), dialect))
        .addColumn('index_no', 'varchar(64)')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('category', 'varchar(16)', (c) => c.notNull())
        .addColumn('column_code', 'varchar(32)')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .addColumn('formed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('published_on', 'varchar(10)')
        .addColumn('validity', 'varchar(16)', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('is_policy_document', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_interpretation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_meeting', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_online_interview', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('interprets_item_id', 'integer', (c) => c.references('items.id'))
        .addColumn('reviewer', 'text')
        .addColumn('reviewed_on', 'varchar(10)')
        .addColumn('review_result', 'varchar(16)')
        .addColumn('review_opinion', 'text')
        .addColumn('withdrawn_on', 'varchar(10)')
        .addColumn('withdrawn_reason', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      // Unique per agency; null until published (many drafts, no number yet).
      await db.schema
        .createIndex('items_agency_index_no')
        .on('items')
        .columns(['agency_id', 'index_no'])
        .unique()
        .execute();
      // Staff lists by status/category and the public list (published, by category, newest first).
      await db.schema
        .createIndex('items_agency_status_category')
        .on('items')
        .columns(['agency_id', 'status', 'category', 'published_on'])
        .execute();
      // The year's timeliness figure and the dashboard: published in a year.
      await db.schema
        .createIndex('items_agency_published')
        .on('items')
        .columns(['agency_id', 'published_on'])
        .execute();
      await db.schema
        .createIndex('items_agency_formed')
        .on('items')
        .columns(['agency_id', 'formed_on'])
        .execute();
      await db.schema
        .createIndex('items_agency_column')
        .on('items')
        .columns(['agency_id', 'column_code'])
        .execute();
      await db.schema.createIndex('items_interprets').on('items').column('interprets_item_id').execute();

      await withAgency(withId(db.schema.createTable('item_events'), dialect))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'varchar(40)', (c) => c.notNull())
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('state_before', 'varchar(16)')
        .addColumn('state_after', 'varchar(16)', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      // One writer wins: a second event with the same number for the same item is refused.
      await db.schema
        .createIndex('item_events_item_seq')
        .on('item_events')
        .columns(['item_id', 'seq'])
        .unique()
        .execute();

      await withAgency(db.schema.createTable('agency_columns'))
        .addColumn('code', 'varchar(32)', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('category', 'varchar(16)', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('agency_columns_pk', ['agency_id', 'code'])
        .execute();

      await db.schema
        .createTable('item_index_counters')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('item_index_counters_pk', ['agency_id', 'year'])
        .execute();
      await db.schema
        .createTable('item_settings')
        .addColumn('agency_id', 'integer', (c) =>
          c.primaryKey().references('agencies.id').onDelete('cascade'),
        )
        .addColumn('index_prefix', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();

      await withAgency(withId(db.schema.createTable('attachments'), dialect))
        .addColumn('owner_type', 'varchar(16)', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'varchar(128)', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('storage_key', 'varchar(128)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('attachments_owner')
        .on('attachments')
        .columns(['owner_type', 'owner_id'])
        .execute();
      // Whether a stored file is still used (files are shared by content).
      await db.schema
        .createIndex('attachments_storage_key')
        .on('attachments')
        .column('storage_key')
        .execute();

      await db.schema
        .alterTable('publications')
        .addColumn('item_id', 'integer', (c) => c.references('items.id'))
        .execute();
      await db.schema.alterTable('publications').addColumn('link', 'text').execute();
      await db.schema.createIndex('publications_item').on('publications').column('item_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('publications_item').execute();
      await db.schema.alterTable('publications').dropColumn('link').execute();
      await db.schema.alterTable('publications').dropColumn('item_id').execute();
      for (const table of [
        'attachments',
        'item_settings',
        'item_index_counters',
        'agency_columns',
        'item_events',
        'items',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
