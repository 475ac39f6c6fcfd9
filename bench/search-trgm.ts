/**
 * `npm run bench:search` on PostgreSQL: the index a PostgreSQL user would try first for
 * `LIKE '%…%'` — pg_trgm's GIN trigram index on the items' titles and bodies — built on the same
 * items, and the same LIKE queries timed through it (the planner chooses; EXPLAIN of one query is
 * printed so the plan is on record).
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { likeStatement, runLike, timeLikeQueries } from './search-queries.ts';
import { endProgress, progress } from './search-report.ts';

/** Creates pg_trgm (in `public`, where `create extension` puts it once per database) and the two indexes. */
export async function buildTrigramIndexes(db: Db): Promise<{ buildMs: number }> {
  await sql`create extension if not exists pg_trgm with schema public`.execute(db.kysely);
  const start = performance.now();
  await sql`set maintenance_work_mem = '256MB'`.execute(db.kysely);
  for (const column of ['title', 'body_text']) {
    await sql`create index ${sql.id(`items_${column}_trgm`)} on items
      using gin (${sql.ref(column)} public.gin_trgm_ops)`.execute(db.kysely);
  }
  await sql`reset maintenance_work_mem`.execute(db.kysely);
  await sql`analyze items`.execute(db.kysely);
  return { buildMs: performance.now() - start };
}

/** The LIKE queries of `indices`, timed with the trigram indexes in place (one pass each). */
export async function timeTrigramLike(
  db: Db,
  indices: readonly number[],
): Promise<{ ms: number[]; plan: string }> {
  const ms = await timeLikeQueries(db, indices, 'trigram', progress('LIKE through pg_trgm'));
  endProgress();
  const rows = await runLike(db, () => sql<{ 'QUERY PLAN': string }>`explain ${likeStatement(0)}`, 'trigram');
  return { ms, plan: rows.map((r) => r['QUERY PLAN']).join('\n') };
}
