import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * The link checker (网站自查 “Links”, issue 15, docs/inspection.md):
 * - `link_checks`: one row per agency × day — when it ran, the pages crawled, links checked, dead
 *   ones internal and external, whether external links were checked and whether the page bound cut
 *   the crawl short; a re-run of the day replaces it;
 * - `dead_links`: the dead links a day's check found — the address, internal or external, the HTTP
 *   status or the error, the pages that hold it (JSON, the first 20, and how many), the day first
 *   seen (carried over from the check before) and the instant last seen; replaced with the day;
 * - `external_link_results`: the installation's cache of external addresses checked (by the
 *   address's SHA-256: any length), so each is asked at most once per interval whatever the agency.
 */
export function linkChecksMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(db.schema.createTable('link_checks'))
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('checked_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('checked_by', 'text', (c) => c.notNull())
        .addColumn('pages', 'integer', (c) => c.notNull())
        .addColumn('links', 'integer', (c) => c.notNull())
        .addColumn('internal_dead', 'integer', (c) => c.notNull())
        .addColumn('external_enabled', 'integer', (c) => c.notNull())
        .addColumn('external_checked', 'integer', (c) => c.notNull())
        .addColumn('external_deferred', 'integer', (c) => c.notNull())
        .addColumn('external_dead', 'integer', (c) => c.notNull())
        .addColumn('truncated', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('link_checks_pk', ['agency_id', 'day'])
        .execute();
      await withAgency(withId(db.schema.createTable('dead_links'), dialect))
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'varchar(32)')
        .addColumn('pages', 'text', (c) => c.notNull())
        .addColumn('page_count', 'integer', (c) => c.notNull())
        .addColumn('first_seen', 'varchar(10)', (c) => c.notNull())
        .addColumn('last_seen', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dead_links_day').on('dead_links').columns(['agency_id', 'day']).execute();
      await db.schema
        .createTable('external_link_results')
        .addColumn('url_sha256', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('checked_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'varchar(32)')
        .addColumn('dead', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('external_link_results').execute();
      await db.schema.dropTable('dead_links').execute();
      await db.schema.dropTable('link_checks').execute();
    },
  };
}
