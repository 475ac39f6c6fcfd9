import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cachedCounts } from './count-cache.ts';
import { chunks, lastOfEach, writeInBatches } from './documents.ts';
import { type ParsedQuery, parseQuery, toFts5Match } from './query.ts';
import { type Candidate, type MatchSource, RANK_LIMITS, rankPage, rankRelated } from './ranking.ts';
import { dateOfKey, docKey, facetMatch, facetTerms, facetText, itemIdOf } from './sqlite-terms.ts';
import { storedTexts } from './stored-texts.ts';
import type { IndexableItem, SearchHit, SearchIndex, SearchQuery, SearchResult } from './types.ts';

/**
 * SQLite: a contentless FTS5 table (`search_fts`, contentless_delete so edits and withdrawals
 * remove terms) over space-separated jieba terms, rowid = doc_key (see sqlite-terms.ts), ranked
 * as ranking.ts describes; search_texts keeps the text, the key and the agency.
 */

const BATCH = 500;
/** rows per FTS5 insert: each statement is a segment of the index, and fewer segments are less merging */
const FTS_ROWS = 10_000;
const INSERT_TERMS = `insert into search_fts (rowid, title, body, facets)
  select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(?)`;

const json = (values: unknown): string => JSON.stringify(values);

/** The keys the items are indexed under now (an edit may move an item to another day). */
async function currentKeys(db: Kysely<Database>, ids: readonly number[]): Promise<number[]> {
  const { rows } = await db.executeQuery<{ doc_key: number }>(
    CompiledQuery.raw('select doc_key from search_texts where item_id in (select value from json_each(?))', [
      json(ids),
    ]),
  );
  return rows.map((r) => Number(r.doc_key));
}

async function forget(db: Kysely<Database>, keys: readonly number[]): Promise<void> {
  if (keys.length === 0) return;
  await db.executeQuery(
    CompiledQuery.raw('delete from search_fts where rowid in (select value from json_each(?))', [json(keys)]),
  );
}

const INSERT_TEXTS = `insert into search_texts (item_id, doc_key, agency_id, title, body_text, doc_number)
  select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 from json_each(?) where true
  on conflict (item_id) do update set doc_key = excluded.doc_key, agency_id = excluded.agency_id,
    title = excluded.title, body_text = excluded.body_text, doc_number = excluded.doc_number`;

/**
 * Upsert: the old entries go, the texts are written in item order (their table's key), then the
 * filters and the terms in key order — FTS5 flushes its pending terms whenever a rowid is lower
 * than the last one, so a call's items are appended in one run.
 */
async function upsert(db: Kysely<Database>, items: readonly IndexableItem[]): Promise<void> {
  const unique = lastOfEach(items);
  if (unique.length === 0) return;
  // Each key computed once (upsert runs for every item of a bulk load, on the writing thread).
  const byKey = unique.map((item) => ({ item, key: docKey(item.publishedOn, item.id) }));
  byKey.sort((a, b) => a.key - b.key);
  // FTS5 flushes its pending terms to a new segment at every statement: rows go in by the
  // thousand, as one JSON parameter (binding thousands of parameters costs more than parsing).
  let terms: unknown[][] = [];
  const flush = async () => {
    if (terms.length === 0) return;
    await db.executeQuery(CompiledQuery.raw(INSERT_TERMS, [json(terms)]));
    terms = [];
  };
  // writeInBatches hands the items back in the order given, so the n-th is byKey[n].
  let next = 0;
  await writeInBatches(
    byKey.map(({ item }) => item),
    BATCH,
    async (batch) => {
      for (const { item, titleText, bodyText } of batch) {
        const keyed = byKey[next++];
        const key = keyed?.item === item ? keyed.key : docKey(item.publishedOn, item.id);
        terms.push([key, titleText, bodyText, facetText(item)]);
      }
      if (terms.length >= FTS_ROWS) await flush();
    },
    // While the terms are being segmented: the old entries go, the texts are written in item
    // order (their table's key).
    async () => {
      await forget(
        db,
        await currentKeys(
          db,
          unique.map((i) => i.id),
        ),
      );
      const rows = [...byKey]
        .sort((x, y) => x.item.id - y.item.id)
        .map(({ item, key }) => [item.id, key, item.agencyId, item.title, item.bodyText, item.docNumber]);
      for (const batch of chunks(rows, FTS_ROWS))
        await db.executeQuery(CompiledQuery.raw(INSERT_TEXTS, [json(batch)]));
    },
  );
  await flush();
}

async function remove(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  await forget(db, await currentKeys(db, ids));
  await db.executeQuery(
    CompiledQuery.raw('delete from search_texts where item_id in (select value from json_each(?))', [
      json(ids),
    ]),
  );
}

interface KeyedCandidate extends Candidate {
  key: number;
}

/** The matches of a parsed query in search_fts: the text, and the filters as facet terms. */
function matches(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  query: SearchQuery,
  op: 'AND' | 'OR',
  excludeKey?: number,
): MatchSource<KeyedCandidate> {
  const match = [`(${toFts5Match(parsed, op)})`, ...facetTerms(query).map(facetMatch)].join(' AND ');
  const scope = sql`search_fts match ${match} ${excludeKey === undefined ? sql`` : sql`and rowid <> ${excludeKey}`}`;
  return {
    async newest(limit, before) {
      const older = before === undefined ? sql`` : sql`and rowid < ${before.key}`;
      const { rows } = await sql<{ key: number }>`
        select rowid as key from search_fts where ${scope} ${older} order by rowid desc limit ${limit}`.execute(
        db,
      );
      return rows.map(({ key }) => ({
        key: Number(key),
        id: itemIdOf(Number(key)),
        publishedOn: dateOfKey(Number(key)),
      }));
    },
    groupCounts: (cap) =>
      cachedCounts(
        db,
        parsed.groups.map((g) => toFts5Match({ groups: [g] })),
        cap,
        RANK_LIMITS.cacheMs,
        async (expression) => {
          const { rows } = await sql<{ n: number }>`
            select count(*) as n from (select 1 from search_fts where search_fts match ${expression} limit ${cap})`.execute(
            db,
          );
          return Number(rows[0]?.n ?? 0);
        },
      ),
    texts: (ids) => storedTexts(db, 'sqlite', ids),
  };
}

function search(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult> {
  const parsed = parseQuery(query.text);
  if (parsed.groups.length === 0 || query.limit <= 0) return Promise.resolve({ total: 0, hits: [] });
  return rankPage(matches(db, parsed, query, 'AND'), parsed, query, true, matches(db, parsed, query, 'OR'));
}

/** Each text's number of matching items (its groups together), up to `cap`. */
async function wordCounts(db: Kysely<Database>, texts: readonly string[], cap: number): Promise<number[]> {
  const out: number[] = [];
  for (const text of texts) {
    const parsed = parseQuery(text);
    const counts =
      parsed.groups.length === 0
        ? [0]
        : await matches(db, parsed, { text, limit: 0, offset: 0 }, 'AND').groupCounts(cap);
    out.push(Math.min(...counts));
  }
  return out;
}

/** Related items: the item's top terms, OR-ed, within its own agency, without itself. */
async function related(db: Kysely<Database>, itemId: number, limit: number): Promise<SearchHit[]> {
  const source = await db
    .selectFrom('search_texts')
    .select(['title', 'body_text', 'agency_id', 'doc_key'])
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  if (!source) return [];
  const query = { text: '', agencyId: Number(source.agency_id), limit, offset: 0 };
  const sourceOf = (parsed: ParsedQuery) => matches(db, parsed, query, 'OR', Number(source.doc_key));
  return rankRelated(sourceOf, source.title, source.body_text, query);
}

/** The SQLite FTS5 implementation of SearchIndex. */
export const sqliteSearchIndex: SearchIndex = {
  upsert,
  remove,
  search,
  wordCounts,
  related,
};
