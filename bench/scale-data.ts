/**
 * The province `npm run bench:scale` stands on (PostgreSQL): bench/supervision-data.ts's agencies,
 * items, publications and requests — asked for exactly `items` items (it makes one item per 1.15
 * publications) — then the items given real text and a search index, set-based:
 *
 *   1. a pool of `pool` distinct items from bench/search-corpus.ts (Chinese titles, 文号, bodies,
 *      Zipf topics) is indexed through the platform's own SearchIndex.upsert (jieba terms, the
 *      tsvector literal of postgres-index.ts) and copied aside;
 *   2. every item takes pool text number `id % pool` (title, body, 文号) in one UPDATE, its indexes
 *      dropped before and rebuilt after;
 *   3. search_documents (the item's own agency, category, year, type, validity and the pool text's
 *      tsvector) and search_texts are filled by INSERT … SELECT for every published item, the GIN
 *      and other indexes built after.
 *
 * So the index holds `items` documents whose terms are distributed as in the corpus, but each text
 * is repeated items/pool times (at 10M items and a 20,000 pool: 500 times) — a word's matches are
 * as many as in a corpus of that size; the combinations of words are fewer than in real text.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { MARK } from '../src/search/postgres-facets.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { corpus } from './search-corpus.ts';
import { dialects, dropIndexes, generate } from './supervision-data.ts';

export interface ScaleSizes {
  agencies: number;
  items: number;
  requests: number;
  pool: number;
}

const SIZES_TABLE = 'bench_scale_sizes';
const POOL_TABLE = 'bench_scale_pool';
/** Items per INSERT of the search tables: small enough to be read in id order without a sort on disk. */
const ID_RANGE = 200_000;

/** The sizes a kept database was generated with, or null (not generated, or generation unfinished). */
export async function generatedScale(db: Db): Promise<ScaleSizes | null> {
  const found = await sql<{ n: number }>`select count(*)::int as n from pg_tables
    where schemaname = current_schema() and tablename = ${SIZES_TABLE}`.execute(db.kysely);
  if (found.rows[0]?.n !== 1) return null;
  const { rows } =
    await sql<ScaleSizes>`select agencies, items, requests, pool from ${sql.table(SIZES_TABLE)}`.execute(
      db.kysely,
    );
  return rows[0] ?? null;
}

/** Fills an empty, migrated PostgreSQL database; prints each step's time through `log`. */
export async function generateScale(
  db: Db,
  sizes: ScaleSizes,
  seed: number,
  log: (line: string) => void,
): Promise<void> {
  if (db.dialect !== 'postgres') throw new Error('bench:scale generates its province on PostgreSQL only');
  await generate(
    db,
    { agencies: sizes.agencies, publications: Math.round(sizes.items * 1.15), requests: sizes.requests },
    log,
  );
  const step = async (name: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await step(`a pool of ${sizes.pool} corpus texts, segmented and indexed`, () =>
    buildPool(db, sizes.pool, seed),
  );
  await db.kysely.connection().execute(async (k) => {
    await sql`set maintenance_work_mem = '1GB'`.execute(k);
    await sql`set synchronous_commit = 'off'`.execute(k);
    const rebuildItems = await dropIndexes(k, dialects.pg, ['items']);
    await step('items given the pool texts', () =>
      sql`update items i set title = p.title, body_text = p.body_text, body_html = '<p>' || p.body_text || '</p>',
            doc_number = p.doc_number
          from ${sql.table(POOL_TABLE)} p where p.k = i.id % ${sizes.pool}`.execute(k),
    );
    await step('items indexes', rebuildItems);
    const rebuildSearch = await dropIndexes(k, dialects.pg, ['search_documents', 'search_texts']);
    // the pool text's terms (its own facets taken out when the pool was made) and the item's own
    // facet lexemes, as facetLexemes (src/search/postgres-facets.ts) writes them: the month windows
    // and the filters of the search read these, so they must be the item's, not the pool text's
    // in ranges of ids, each read in id order through the primary key: one INSERT … ORDER BY over
    // every item sorted 10M rows of tsvectors on disk (17 GB of temporary files at 10M items, beside
    // the table being written: more than the disk of the machine had free)
    const { rows: span } = await sql<{ top: number | null }>`select max(id) as top from items`.execute(k);
    const top = span[0]?.top ?? 0;
    const ranges = (insert: (from: number, to: number) => Promise<unknown>) => async () => {
      for (let from = 0; from < top; from += ID_RANGE) await insert(from, Math.min(from + ID_RANGE, top));
    };
    await step(
      'search_documents',
      ranges((from, to) =>
        sql`insert into search_documents (item_id, agency_id, category, year, document_type, validity, published_on, tsv)
          select i.id, i.agency_id, i.category, substr(i.published_on, 1, 4)::int, t.type, i.validity,
            i.published_on,
            p.tsv || array_to_tsvector(array[
              ${MARK} || 'm' || substr(i.published_on, 1, 4) || substr(i.published_on, 6, 2),
              ${MARK} || 'a' || i.agency_id, ${MARK} || 'c' || i.category, ${MARK} || 't' || t.type,
              ${MARK} || 'v' || i.validity])
          from items i join ${sql.table(POOL_TABLE)} p on p.k = i.id % ${sizes.pool}
          cross join lateral (select case when i.is_interpretation = 1 then 'interpretation'
            when i.is_policy_document = 1 then 'policy' else 'other' end as type) t
          where i.status = 'published' and i.id > ${from} and i.id <= ${to} order by i.id`.execute(k),
      ),
    );
    await step(
      'search_texts',
      ranges((from, to) =>
        sql`insert into search_texts (item_id, title, body_text, doc_number)
          select id, title, body_text, doc_number from items
          where status = 'published' and id > ${from} and id <= ${to} order by id`.execute(k),
      ),
    );
    await step('search indexes (GIN included)', rebuildSearch);
    await sql`drop table ${sql.table(POOL_TABLE)}`.execute(k);
    await step('vacuum analyze', () => sql`vacuum analyze`.execute(k));
  });
  await sql`create table ${sql.table(SIZES_TABLE)} as
    select ${sizes.agencies}::int as agencies, ${sizes.items}::int as items, ${sizes.requests}::int as requests,
      ${sizes.pool}::int as pool`.execute(db.kysely);
}

/**
 * Indexes `pool` corpus items through SearchIndex.upsert under the ids 1…pool (items the generator
 * made), copies their terms and texts into the pool table (k = id − 1) and empties the index again.
 */
async function buildPool(db: Db, pool: number, seed: number): Promise<void> {
  const index = searchIndexFor(db.dialect);
  let batch = [];
  for (const item of corpus(pool, seed)) {
    batch.push(item);
    if (batch.length === 5_000) {
      const some = batch;
      await db.kysely.transaction().execute((trx) => index.upsert(trx, some));
      batch = [];
    }
  }
  if (batch.length > 0) {
    const rest = batch;
    await db.kysely.transaction().execute((trx) => index.upsert(trx, rest));
  }
  await sql`create table ${sql.table(POOL_TABLE)} as
    select d.item_id - 1 as k,
      ts_delete(d.tsv, array(select u.lexeme from unnest(d.tsv) u where starts_with(u.lexeme, ${MARK}))) as tsv,
      t.title, t.body_text, t.doc_number
    from search_documents d join search_texts t on t.item_id = d.item_id`.execute(db.kysely);
  await sql`create unique index on ${sql.table(POOL_TABLE)} (k)`.execute(db.kysely);
  await sql`truncate search_documents, search_texts`.execute(db.kysely);
}
