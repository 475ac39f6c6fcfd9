import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';

/**
 * The full-text index of published items (src/search). Keyed by item id and agency id without
 * foreign keys, so the index does not depend on how items are stored; the commands that publish,
 * edit and withdraw items keep it in step inside their transactions.
 *
 * - `search_texts`: the title and body as published, for snippets, ranking and related items; on
 *   SQLite also the item's `doc_key` (its FTS5 rowid) and agency.
 * - `search_meta`: this index's random instance id (caches of word counts are keyed by it).
 * - SQLite: `search_fts`, a contentless FTS5 table, rowid = doc_key (publication day × 2^32 + item
 *   id, so rowid order is date order), over the segmented title and body — space-separated jieba
 *   terms, so the `ascii` tokenizer (every non-ASCII character a token character, which is all a
 *   term has besides a–z and 0–9) is enough — and `facets`, the filter values as terms no query
 *   text can produce (src/search/sqlite-terms.ts).
 * - PostgreSQL: `search_documents`, one row per item with the filters, `published_on` and `tsv`
 *   (title weight A, body weight B), a GIN index on `tsv` and btree indexes for the filters and for
 *   walking the newest first.
 */
export function searchMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('search_meta')
        .addColumn('instance', 'varchar(32)', (c) => c.primaryKey())
        .execute();
      await sql`insert into search_meta (instance) values (${randomBytes(8).toString('hex')})`.execute(db);

      let texts = db.schema
        .createTable('search_texts')
        .addColumn('item_id', 'integer', (c) => c.primaryKey());
      if (dialect === 'sqlite') {
        texts = texts
          .addColumn('doc_key', 'integer', (c) => c.notNull())
          .addColumn('agency_id', 'integer', (c) => c.notNull());
      }
      await texts
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .execute();

      if (dialect === 'sqlite') {
        await sql`create virtual table search_fts using fts5(
          title, body, facets, content='', contentless_delete=1, tokenize='ascii'
        )`.execute(db);
        // Merge segments 8 at a time, not 4: a quarter less work per insert for slightly more
        // segments to read per query (bench:search).
        await sql`insert into search_fts (search_fts, rank) values ('automerge', 8)`.execute(db);
        return;
      }

      await db.schema
        .createTable('search_documents')
        .addColumn('item_id', 'integer', (c) => c.primaryKey())
        .addColumn('agency_id', 'integer', (c) => c.notNull())
        .addColumn('category', 'varchar(32)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('document_type', 'varchar(16)', (c) => c.notNull())
        .addColumn('validity', 'varchar(16)', (c) => c.notNull())
        .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
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
      // The newest matches of a common word: walked newest first, checking tsv.
      await db.schema
        .createIndex('search_documents_published')
        .on('search_documents')
        .columns(['published_on', 'item_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') await sql`drop table search_fts`.execute(db);
      else await db.schema.dropTable('search_documents').execute();
      await db.schema.dropTable('search_texts').execute();
      await db.schema.dropTable('search_meta').execute();
    },
  };
}
