import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 公开指南, 查阅场所 and column notes (issue 13):
 * - `agencies`: what 条例 第十二条第二款 asks of the guide beside the columns the agency already had
 *   (office, address, postcode, phone): 办公时间, 传真号码, 电子邮箱 ('' when not set), and whether the
 *   agency takes applications by 传真 and by 电子邮件 (0/1; online, letter and in person always);
 * - `reading_points`: the agency's 政府信息查阅场所 (条例 第二十五条), each with its kind
 *   (档案馆/图书馆/政务服务中心/其他), address, hours and phone;
 * - `column_notes`: the 备注说明 of a catalogue column — a 第二十条 category (`scope` category) or one
 *   of the agency's sub-columns (`scope` column, 公开制度 being `gkzd`) — shown when it has nothing.
 */
const TEXT_COLUMNS = ['office_hours', 'fax', 'email'] as const;
const FLAG_COLUMNS = ['accepts_fax', 'accepts_email'] as const;

export function guideAndNotesMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of TEXT_COLUMNS)
        await db.schema
          .alterTable('agencies')
          .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
          .execute();
      for (const column of FLAG_COLUMNS)
        await db.schema
          .alterTable('agencies')
          .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      await withAgency(withId(db.schema.createTable('reading_points'), dialect))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('hours', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('reading_points_agency').on('reading_points').column('agency_id').execute();
      await withAgency(db.schema.createTable('column_notes'))
        .addColumn('scope', 'varchar(16)', (c) => c.notNull())
        .addColumn('code', 'varchar(32)', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('column_notes_pk', ['agency_id', 'scope', 'code'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('column_notes').execute();
      await db.schema.dropTable('reading_points').execute();
      for (const column of [...TEXT_COLUMNS, ...FLAG_COLUMNS])
        await db.schema.alterTable('agencies').dropColumn(column).execute();
    },
  };
}
