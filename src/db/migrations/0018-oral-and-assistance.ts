import type { Kysely } from 'kysely';

/**
 * Issue 11 point 5, on the case: an oral application written up by the disclosure office
 * (条例 第二十九条第一款; JSON: the difficulty with writing, how the applicant confirmed it, who wrote
 * it up) and the help given to a citizen with reading, sight or hearing difficulties (第四十三条;
 * JSON: the difficulties, the help, who recorded it and when). Null: none. Each change is also an
 * event (`requests.received`, `requests.assistance_recorded`).
 */
const COLUMNS = ['oral', 'assistance'] as const;

export function oralAndAssistanceMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of COLUMNS)
        await db.schema.alterTable('requests').addColumn(column, 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const column of COLUMNS) await db.schema.alterTable('requests').dropColumn(column).execute();
    },
  };
}
