import type { Kysely } from 'kysely';

/**
 * Where an agency's answers send the applicant (issue 11 point 2): the 行政复议机关 every 答复书 must
 * name (复议法 第二十三条第二款, 第二十条第三款), the court for suits (诉讼法 第四十六条), and the
 * complaint channel (条例 第四十七条第二款, 第五十一条). Empty text: not set (the agency cannot issue an
 * answer letter until the review body is set).
 */
const COLUMNS = ['review_body', 'court', 'complaint_channel'] as const;

export function agencyRemediesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of COLUMNS)
        await db.schema
          .alterTable('agencies')
          .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
          .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const column of COLUMNS) await db.schema.alterTable('agencies').dropColumn(column).execute();
    },
  };
}
