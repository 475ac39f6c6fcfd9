import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { chunks, documentRow, loadHits, type PreparedItem, textRow, writeInBatches } from './documents.ts';
import { type ParsedQuery, parseQuery, queryMarks, toFts5Match } from './query.ts';
import { relatedQuery } from './related.ts';
import { BROAD, rankKeys } from './sqlite-rank.ts';
import { cappedCounts, docKey, facetText, itemIdOf } from './sqlite-terms.ts';
import type { IndexableItem, SearchHit, SearchIndex, SearchQuery, SearchResult } from './types.ts';

/**
 * SQLite: a contentless FTS5 table (`search_fts`, contentless_delete so edits and withdrawals
 * remove terms) over space-separated jieba terms, rowid = doc_key (see sqlite-terms.ts), ranked
 * as sqlite-rank.ts describes; search_documents keeps the filters, search_texts the text.
 */

const BATCH = 500;

/** The keys the items are indexed under now (an edit may move an item to another day). */
async function currentKeys(db: Kysely<Database>, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('search_documents')
    .select('doc_key')
    .where('item_id', 'in', [...ids])
    .execute();
  return rows.map((r) => Number(r.doc_key));
}

async function forget(db: Kysely<Database>, keys: readonly number[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`delete from search_fts where rowid in (${sql.join([...keys])})`.execute(db);
  await db
    .deleteFrom('search_documents')
    .where('doc_key', 'in', [...keys])
    .execute();
}

async function writeBatch(db: Kysely<Database>, batch: PreparedItem[]): Promise<void> {
  await forget(
    db,
    await currentKeys(
      db,
      batch.map((p) => p.item.id),
    ),
  );
  // FTS5 flushes its pending terms whenever a rowid is lower than the last one: in key order.
  const rows = batch
    .map((p) => ({ p, key: docKey(p.item.publishedOn, p.item.id) }))
    .sort((a, b) => a.key - b.key);
  await db
    .insertInto('search_documents')
    .values(rows.map(({ p, key }) => ({ doc_key: key, ...documentRow(p) })))
    .execute();
  await db
    .insertInto('search_texts')
    .values(batch.map(textRow))
    .onConflict((oc) =>
      oc.column('item_id').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        body_text: eb.ref('excluded.body_text'),
        doc_number: eb.ref('excluded.doc_number'),
      })),
    )
    .execute();
  const values = rows.map(({ p, key }) => sql`(${key}, ${p.titleText}, ${p.bodyText}, ${facetText(p.item)})`);
  await sql`insert into search_fts (rowid, title, body, facets) values ${sql.join(values)}`.execute(db);
}

async function remove(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  for (const batch of chunks(ids, BATCH)) {
    await forget(db, await currentKeys(db, batch));
    await db.deleteFrom('search_texts').where('item_id', 'in', batch).execute();
  }
}

async function searchParsed(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  query: SearchQuery,
  op: 'AND' | 'OR',
  exclude?: number,
): Promise<SearchResult> {
  if (parsed.groups.length === 0 || query.limit <= 0) return { total: 0, hits: [] };
  const { total, totalCapped, ranked } = await rankKeys(db, parsed, query, op, exclude);
  const hits = await loadHits(
    db,
    ranked.map((r) => ({ id: itemIdOf(r.key), score: r.score })),
    queryMarks(parsed),
  );
  return totalCapped ? { total, totalCapped, hits } : { total, hits };
}

/** Related items come from the item's own agency; terms too common to rank by are left out. */
async function related(db: Kysely<Database>, itemId: number, limit: number): Promise<SearchHit[]> {
  const source = await db
    .selectFrom('search_texts as t')
    .innerJoin('search_documents as d', 'd.item_id', 't.item_id')
    .select(['t.title', 't.body_text', 'd.agency_id', 'd.doc_key'])
    .where('t.item_id', '=', itemId)
    .executeTakeFirst();
  if (!source) return [];
  const candidates = relatedQuery(source.title, source.body_text);
  const counts = await cappedCounts(
    db,
    candidates.groups.map((g) => toFts5Match({ groups: [g] })),
    BROAD,
  );
  const parsed = { groups: candidates.groups.filter((_, i) => counts[i] > 1 && counts[i] < BROAD) };
  const query = { text: '', agencyId: Number(source.agency_id), limit, offset: 0 };
  return (await searchParsed(db, parsed, query, 'OR', Number(source.doc_key))).hits;
}

/** The SQLite FTS5 implementation of SearchIndex. */
export const sqliteSearchIndex: SearchIndex = {
  upsert: (db: Kysely<Database>, items: readonly IndexableItem[]) =>
    writeInBatches(items, BATCH, (batch) => writeBatch(db, batch)),
  remove,
  search: (db, query) => searchParsed(db, parseQuery(query.text), query, 'AND'),
  related,
};
