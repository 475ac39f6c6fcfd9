import type { Kysely } from 'kysely';

/**
 * Indexes for the supervisor's 工作台 at province scale (issue 15, docs/supervision.md “Scale”,
 * measured with `npm run bench:supervision`):
 * - `publications_agency_channel` gains `formed_on` after `published_on`: the year's website
 *   publications per agency, and those formed long before, counted from the index alone;
 * - `publications_agency_channel_formed` (agency, channel, formed_on, published_on): the publications
 *   formed on a given day, probed once per day of the due-day table (第二十六条's 20 working days),
 *   so the late ones are counted without a row per publication leaving the database.
 */
export function supervisionIndexesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('publications_agency_channel').execute();
      await db.schema
        .createIndex('publications_agency_channel')
        .on('publications')
        .columns(['agency_id', 'channel', 'published_on', 'formed_on'])
        .execute();
      await db.schema
        .createIndex('publications_agency_channel_formed')
        .on('publications')
        .columns(['agency_id', 'channel', 'formed_on', 'published_on'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('publications_agency_channel_formed').execute();
      await db.schema.dropIndex('publications_agency_channel').execute();
      await db.schema
        .createIndex('publications_agency_channel')
        .on('publications')
        .columns(['agency_id', 'channel', 'published_on'])
        .execute();
    },
  };
}
