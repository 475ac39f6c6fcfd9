import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 政务新媒体 (issue 15, docs/new-media.md): `new_media_accounts`, an agency's accounts on the
 * platforms (微信公众号, 微博, 抖音, …) with their 主办单位, 开设/关停/注销 dates, state, 备案 and
 * 负责人. Each posts through one of the agency's channels (`channel_code` → agency_channels), so an
 * account's postings are the publications rows on that channel — the rows the annual report counts
 * per channel. One account per channel (unique). An index on publications by channel and day
 * answers each account's last posting day without scanning the agency's publications.
 */
export function newMediaMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('new_media_accounts'), dialect))
        .addColumn('channel_code', 'varchar(32)', (c) => c.notNull())
        .addColumn('platform', 'varchar(16)', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('host_unit', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('closed_on', 'varchar(10)')
        .addColumn('cancelled_on', 'varchar(10)')
        .addColumn('state', 'varchar(16)', (c) => c.notNull())
        .addColumn('filing_status', 'varchar(16)', (c) => c.notNull())
        .addColumn('filing_no', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('manager', 'text', (c) => c.notNull())
        .addColumn('manager_phone', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addForeignKeyConstraint(
          'new_media_accounts_channel',
          ['agency_id', 'channel_code'],
          'agency_channels',
          ['agency_id', 'code'],
        )
        .execute();
      await db.schema
        .createIndex('new_media_accounts_channel_unique')
        .on('new_media_accounts')
        .columns(['agency_id', 'channel_code'])
        .unique()
        .execute();
      await db.schema
        .createIndex('publications_agency_channel')
        .on('publications')
        .columns(['agency_id', 'channel', 'published_on'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('publications_agency_channel').execute();
      await db.schema.dropTable('new_media_accounts').execute();
    },
  };
}
