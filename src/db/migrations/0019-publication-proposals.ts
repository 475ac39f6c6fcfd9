import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 条例 第四十四条 (docs/requests.md, 纳入主动公开):
 * - `requests.publish_suggestion`: the applicant's suggestion to publish (第二款), JSON
 *   `{reasons, note}`, null when none;
 * - `publication_proposals`: each decision on a proposal, keyed by its requests (ids ascending,
 *   comma-joined; unique per agency, so a proposal is decided once): 纳入 (`included`, with the draft
 *   item opened) or 不纳入 (`not_included`, with the reason);
 * - `item_requests`: which requests an item was drafted from (the link the console shows both ways).
 */
export function publicationProposalsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('requests').addColumn('publish_suggestion', 'text').execute();
      await withAgency(withId(db.schema.createTable('publication_proposals'), dialect))
        .addColumn('request_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('result', 'varchar(16)', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('item_id', 'integer', (c) => c.references('items.id').onDelete('set null'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('publication_proposals_key')
        .on('publication_proposals')
        .columns(['agency_id', 'request_key'])
        .unique()
        .execute();
      await withAgency(db.schema.createTable('item_requests'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('proposal_id', 'integer', (c) =>
          c.notNull().references('publication_proposals.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('item_requests_pk', ['item_id', 'request_id'])
        .execute();
      await db.schema.createIndex('item_requests_request').on('item_requests').column('request_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('item_requests').execute();
      await db.schema.dropTable('publication_proposals').execute();
      await db.schema.alterTable('requests').dropColumn('publish_suggestion').execute();
    },
  };
}
