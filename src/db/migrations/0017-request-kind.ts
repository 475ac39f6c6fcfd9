import type { Kysely } from 'kysely';

/**
 * A request's kind (issue 11 point 5): a disclosure request (政府信息公开申请, everything before this
 * migration) or a request to correct a record about the applicant (条例 第四十一条). A correction
 * request keeps what it asks (`correction`: the record, what is inaccurate, the evidence offered, as
 * JSON), its outcome (`correction_outcome`: corrected, transferred, referred, refused) and the day
 * it was answered (`correction_decided_on`). Its `outcome` and `decided_on` — table 三's columns, tied
 * by the check `requests_decided_has_outcome` — stay empty: it is never one of the 21 outcomes.
 */
export function requestKindMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('requests')
        .addColumn('kind', 'varchar(32)', (c) => c.notNull().defaultTo('disclosure'))
        .execute();
      await db.schema.alterTable('requests').addColumn('correction', 'text').execute();
      await db.schema.alterTable('requests').addColumn('correction_outcome', 'varchar(32)').execute();
      await db.schema.alterTable('requests').addColumn('correction_decided_on', 'varchar(10)').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const column of ['correction_decided_on', 'correction_outcome', 'correction', 'kind'])
        await db.schema.alterTable('requests').dropColumn(column).execute();
    },
  };
}
