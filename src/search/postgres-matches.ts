import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cachedCounts } from './count-cache.ts';
import { filtersOf } from './documents.ts';
import { type ParsedQuery, toTsQuery } from './query.ts';
import { type Candidate, type MatchSource, RANK_LIMITS } from './ranking.ts';
import { storedTexts } from './stored-texts.ts';
import type { SearchQuery } from './types.ts';

/**
 * The matches of a parsed query on PostgreSQL: `tsv @@ tsquery` with the filters as columns. The
 * planner reads a rare word's matches from the GIN index, and walks search_documents newest first
 * (search_documents_published) checking `tsv` for a common one, so the newest matches cost little
 * either way.
 */
export function postgresMatches(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  query: SearchQuery,
  op: '&' | '|',
  exclude?: number,
): MatchSource<Candidate> {
  const conditions: RawBuilder<unknown>[] = filtersOf(query).map(
    ([column, value]) => sql`and d.${sql.ref(column)} = ${value}`,
  );
  if (exclude !== undefined) conditions.push(sql`and d.item_id <> ${exclude}`);
  const where = sql`d.tsv @@ ${toTsQuery(parsed, op)}::tsquery ${sql.join(conditions, sql` `)}`;
  return {
    async newest(limit, before) {
      const older =
        before === undefined
          ? sql``
          : sql`and (d.published_on, d.item_id) < (${before.publishedOn}, ${before.id})`;
      const { rows } = await sql<{ id: number; publishedOn: string }>`
        select d.item_id as id, d.published_on as "publishedOn" from search_documents d
        where ${where} ${older} order by d.published_on desc, d.item_id desc limit ${limit}`.execute(db);
      return rows.map((r) => ({ id: Number(r.id), publishedOn: r.publishedOn }));
    },
    groupCounts: (cap) =>
      cachedCounts(
        db,
        parsed.groups.map((g) => toTsQuery({ groups: [g] })),
        cap,
        RANK_LIMITS.cacheMs,
        async (tsquery) => {
          const { rows } = await sql<{ n: number }>`
            select count(*) as n from (select 1 from search_documents where tsv @@ ${tsquery}::tsquery limit ${cap}) c`.execute(
            db,
          );
          return Number(rows[0]?.n ?? 0);
        },
      ),
    texts: (ids) => storedTexts(db, 'postgres', ids),
  };
}
