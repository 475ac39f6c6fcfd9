import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 条例 第十八条：“行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，
 * 对因情势变化可以公开的政府信息应当公开。”
 *
 * The yearly review of information withheld under 第十六条: one row per decision on one piece of
 * withheld information (a case withheld as a whole, `part` 0, or an item answered one by one,
 * `part` its number) in a review year — `kept` (继续不予公开, with the reason) or `disclosed` (转为公开,
 * with the draft item it opened). Rows are never updated: a correction is a new row with the next
 * `seq` of the same subject and year (unique: a concurrent writer loses), so no decision is lost.
 */
export function withheldReviewsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('withheld_reviews'), dialect))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        // 0: the case withheld as a whole; n: the case's n-th item (answered item by item)
        .addColumn('part', 'integer', (c) => c.notNull())
        // 1 for the year's first decision on the subject, 2, 3, … for corrections
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('decision', 'varchar(16)', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        // the draft item (主动公开) a `disclosed` decision opened
        .addColumn('item_id', 'integer', (c) => c.references('items.id'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('withheld_reviews_subject_seq')
        .on('withheld_reviews')
        .columns(['agency_id', 'year', 'request_id', 'part', 'seq'])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('withheld_reviews').execute();
    },
  };
}
