import { type Kysely, sql } from 'kysely';

/**
 * `kept_counts` (issue 15, docs/supervision.md “Counts kept ahead”): per agency, year and kind
 * (`overview`: the 工作台's counts of the year; `cells`: the report tables' cells of the year and
 * the year before), what was counted from the records, the latest event seen and when the count
 * began. A read uses a kept row while no later event of the agency (or of the calendar) has been
 * recorded; otherwise it counts the agency again and keeps the result.
 */
export function keptCountsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('kept_counts')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        /** JSON: the counts (domain/supervision/kept.ts) */
        .addColumn('data', 'text', (c) => c.notNull())
        /** the latest event's id (the agency's or the calendar's) when the count began: a later one makes the row stale */
        .addColumn('seen_event', 'integer', (c) => c.notNull())
        /** ISO instant the count began (shown as 统计截至) */
        .addColumn('counted_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('kept_counts_pk', ['kind', 'year', 'agency_id'])
        .execute();
      // an agency's latest event by one probe (events_agency_at orders by time, not number)
      await db.schema.createIndex('events_agency_id').on('events').columns(['agency_id', 'id']).execute();
      // the requests not yet answered (open and overdue are counted at each read): a few of each agency's
      await db.schema
        .createIndex('requests_open')
        .on('requests')
        .columns(['agency_id', 'kind', 'state', 'due_on'])
        .where(sql.ref('state'), '<>', sql.lit('decided'))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('requests_open').execute();
      await db.schema.dropIndex('events_agency_id').execute();
      await db.schema.dropTable('kept_counts').execute();
    },
  };
}
