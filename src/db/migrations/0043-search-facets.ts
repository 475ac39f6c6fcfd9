import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';

/**
 * PostgreSQL: every indexed item's tsvector gains its facet lexemes (src/search/postgres-facets.ts:
 * U+E000 + `m` + its publication month YYYYMM, and `a` agency, `c` category, `t` document type,
 * `v` validity), which the searches now require: the newest matches are looked for month by month
 * and the filters are intersected in the GIN index (docs/search.md). One pass over
 * search_documents; SQLite has its facets since 0005 and nothing to change.
 */
export function searchFacetsMigration(dialect: Dialect) {
  const mark = '\uE000';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`
        update search_documents set tsv = tsv || array_to_tsvector(array_remove(array[
          case when published_on ~ '^[0-9]{4}-[0-9]{2}'
            then ${mark} || 'm' || substr(published_on, 1, 4) || substr(published_on, 6, 2) end,
          ${mark} || 'a' || agency_id::text, ${mark} || 'c' || category,
          ${mark} || 't' || document_type, ${mark} || 'v' || validity], null))`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`
        update search_documents set tsv = ts_delete(tsv, array(
          select lexeme from unnest(tsv) where left(lexeme, 1) = ${mark}))`.execute(db);
    },
  };
}
