import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 公开事项标准目录 (issue 15, docs/catalog.md): `catalog_entries`, an agency's catalogue — each entry
 * with its 序号 and 领域, the nine elements (公开事项 一级/二级, 公开内容（要素）, 公开依据, 公开时限 as
 * written, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级 — the last three JSON arrays), the
 * 公开时限's parsed rule (JSON, domain/catalog/deadline.ts) and the site columns its items are
 * published in (JSON array of `category:a20.7` / `column:code`, the codes of column_settings).
 */
export function catalogMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('catalog_entries'), dialect))
        .addColumn('sort', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer')
        .addColumn('domain', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('level1', 'text', (c) => c.notNull())
        .addColumn('level2', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('deadline_rule', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('channels', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('manner', 'text', (c) => c.notNull())
        .addColumn('levels', 'text', (c) => c.notNull())
        .addColumn('columns', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('catalog_entries_agency')
        .on('catalog_entries')
        .columns(['agency_id', 'sort'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('catalog_entries').execute();
    },
  };
}
