import type { Kysely } from 'kysely';

const COLUMNS = ['sent_on', 'sent_method', 'sent_tracking_no', 'sent_note', 'sent_by', 'sent_recorded_at'];

/**
 * Recording that a letter went to the applicant (送达) on the letter itself: the day, the method
 * (post, e-mail, in person, online), the post's tracking number, a staff note, who recorded it
 * and when. A corrected record replaces these; the case's `letter_sent` events keep each one.
 */
export function letterDeliveriesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('letters').addColumn('sent_on', 'varchar(10)').execute();
      await db.schema.alterTable('letters').addColumn('sent_method', 'varchar(16)').execute();
      await db.schema.alterTable('letters').addColumn('sent_tracking_no', 'varchar(40)').execute();
      await db.schema.alterTable('letters').addColumn('sent_note', 'text').execute();
      await db.schema.alterTable('letters').addColumn('sent_by', 'text').execute();
      await db.schema.alterTable('letters').addColumn('sent_recorded_at', 'varchar(32)').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const column of COLUMNS) await db.schema.alterTable('letters').dropColumn(column).execute();
    },
  };
}
