import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';

/**
 * The full-text index of published items (src/search). Keyed by item id and agency id without
 * foreign keys, so the index does not depend on how items are stored; the commands that publish,
 * edit and withdraw items keep it in step inside their transactions.
 *
 * - `search_documents`: one narrow row per indexed item (the filters and the date ranking uses);
 *   on PostgreSQL also `tsv`, the segmented title (weight A) and body (weight B), with a GIN index.
 * - `search_texts`: the title and body as published, for snippets and “related items”.
 * - `search_meta`: this index's random instance id (caches of term statistics are keyed by it).
 * - SQLite: `search_fts`, a contentless FTS5 table (rowid = `doc_key`) over the segmented title
 *   and body, space-separated jieba terms under the `unicode61` tokenizer, and `facets`, the
 *   filter values as terms no query text can produce (see src/search/sqlite-terms.ts).
 */
export function searchMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let documents = db.schema.createTable('search_documents');
      // SQLite: the FTS5 rowid is `doc_key` (the publication day and the item id, so rowid order
      // is date order); PostgreSQL needs no such key.
      documents =
        dialect === 'sqlite'
          ? documents
              .addColumn('doc_key', 'integer', (c) => c.primaryKey())
              .addColumn('item_id', 'integer', (c) => c.notNull().unique())
          : documents.addColumn('item_id', 'integer', (c) => c.primaryKey());
      documents = documents
        .addColumn('agency_id', 'integer', (c) => c.notNull())
        .addColumn('category', 'varchar(32)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('document_type', 'varchar(16)', (c) => c.notNull())
        .addColumn('validity', 'varchar(16)', (c) => c.notNull())
        .addColumn('published_on', 'varchar(10)', (c) => c.notNull());
      if (dialect === 'postgres') documents = documents.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
      await documents.execute();
      await db.schema
        .createTable('search_meta')
        .addColumn('instance', 'varchar(32)', (c) => c.primaryKey())
        .execute();
      await sql`insert into search_meta (instance) values (${randomBytes(8).toString('hex')})`.execute(db);
      // PostgreSQL filters with btree indexes next to the GIN index; SQLite filters inside FTS5
      // (facet terms) or by the primary key, and needs none.
      if (dialect === 'postgres') {
        await db.schema
          .createIndex('search_documents_agency')
          .on('search_documents')
          .columns(['agency_id', 'published_on'])
          .execute();
        await db.schema
          .createIndex('search_documents_year')
          .on('search_documents')
          .columns(['year', 'category'])
          .execute();
      }

      await db.schema
        .createTable('search_texts')
        .addColumn('item_id', 'integer', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .execute();

      if (dialect === 'postgres') {
        await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
      } else {
        await sql`create virtual table search_fts using fts5(
          title, body, facets, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
        )`.execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') await sql`drop table search_fts`.execute(db);
      await db.schema.dropTable('search_texts').execute();
      await db.schema.dropTable('search_meta').execute();
      await db.schema.dropTable('search_documents').execute();
    },
  };
}
