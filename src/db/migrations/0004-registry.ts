import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * The normative-document registry (规章 and 行政规范性文件): each row is one version of a document,
 * with its lifecycle status (in force, amended, repealed), the version it amends, the repealing
 * document, the issuing organ and the published item that carries its text; and the yearly review
 * passes (清理), one decision per document. Changes are events in `events` (subject_type
 * 'normative_document'). `issued_on` and `repealed_on` keep meaning what table 二 (一) counts:
 * the day a version starts and the day it stops being in force (repealed or superseded).
 */
export function registryMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const add = (name: string, type: string, build?: ColumnBuild) => addColumn(db, name, type, build);
      await add('status', 'varchar(16)', (c) => c.notNull().defaultTo('in_force'));
      await add('version', 'integer', (c) => c.notNull().defaultTo(1));
      await add('supersedes_id', 'integer', (c) => c.references('normative_documents.id'));
      await add('repealed_by', 'text');
      await add('issuer', 'text', (c) => c.notNull().defaultTo(''));
      // The published item carrying the text (items: 0003).
      await add('item_id', 'integer', (c) => c.references('items.id'));
      await sql`update normative_documents set status = 'repealed' where repealed_on is not null`.execute(db);
      // A version is amended at most once: a second, concurrent amendment loses on this index.
      await db.schema
        .createIndex('normative_supersedes')
        .on('normative_documents')
        .column('supersedes_id')
        .unique()
        .execute();
      await db.schema.createIndex('normative_item').on('normative_documents').column('item_id').execute();
      await db.schema
        .createIndex('normative_agency_in_force')
        .on('normative_documents')
        .columns(['agency_id', 'issued_on', 'repealed_on'])
        .execute();

      await withAgency(withId(db.schema.createTable('registry_reviews'), dialect))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('normative_documents.id').onDelete('cascade'),
        )
        .addColumn('decision', 'varchar(16)', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('reviewed_on', 'varchar(10)', (c) => c.notNull())
        // the new version an “amended” decision produced
        .addColumn('result_document_id', 'integer', (c) => c.references('normative_documents.id'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      // One decision per document in a year's pass.
      await db.schema
        .createIndex('registry_reviews_year_document')
        .on('registry_reviews')
        .columns(['agency_id', 'year', 'document_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('registry_reviews_document')
        .on('registry_reviews')
        .column('document_id')
        .execute();
      await db.schema
        .createIndex('registry_reviews_result')
        .on('registry_reviews')
        .column('result_document_id')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('registry_reviews').execute();
      await db.schema.dropIndex('normative_agency_in_force').execute();
      await db.schema.dropIndex('normative_item').execute();
      await db.schema.dropIndex('normative_supersedes').execute();
      for (const column of ['item_id', 'issuer', 'repealed_by', 'supersedes_id', 'version', 'status']) {
        await db.schema.alterTable('normative_documents').dropColumn(column).execute();
      }
    },
  };
}

type ColumnBuild = Parameters<ReturnType<Kysely<unknown>['schema']['alterTable']>['addColumn']>[2];

function addColumn(db: Kysely<unknown>, name: string, type: string, build?: ColumnBuild): Promise<void> {
  return db.schema.alterTable('normative_documents').addColumn(name, sql.raw(type), build).execute();
}
