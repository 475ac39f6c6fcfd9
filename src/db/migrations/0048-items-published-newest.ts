import { type Kysely, sql } from 'kysely';

/**
 * The newest published items of the whole site (the portal's home page, 最新信息 and 政策文件:
 * `latestItems` without an agency, src/portal/queries/catalog.ts) had no index: every item's index
 * begins with its agency, so `status = 'published' order by published_on desc, id desc limit 10`
 * read and sorted every item — 7.6 s and 4.0 s for the two lists of a 10,000,000-item province
 * (`npm run bench:scale`, docs/deploy.md), each time the page's cache was emptied. A backward scan
 * of this partial index finds them in 1.4 ms.
 */
export function itemsPublishedNewestMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('items_published_newest')
        .on('items')
        .columns(['published_on', 'id'])
        .where(sql.ref('status'), '=', 'published')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('items_published_newest').execute();
    },
  };
}
