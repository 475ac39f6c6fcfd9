import type { Kysely } from 'kysely';

/**
 * Agencies as a tree the platform administrator manages (issue 15, docs/agencies.md):
 * `retired_on` — the day an agency was retired (撤销/合并), null while it is active; a retired
 * agency keeps its data and published reports but leaves the portal's lists and the sign-in's
 * agency choices; `level` — its place in the administrative hierarchy (省/市/县（区）/部门/乡镇街道,
 * domain/agencies/tree.ts), '' when not stated.
 */
export function agencyTreeMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('agencies').addColumn('retired_on', 'text').execute();
      await db.schema
        .alterTable('agencies')
        .addColumn('level', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('agencies').dropColumn('level').execute();
      await db.schema.alterTable('agencies').dropColumn('retired_on').execute();
    },
  };
}
