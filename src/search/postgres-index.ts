import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  chunks,
  documentRow,
  lastOfEach,
  relatedSource,
  type TsvectorItem,
  textRow,
  writeTsvectorBatches,
} from './documents.ts';
import { facetLexemes } from './postgres-facets.ts';
import { groupCounter, postgresMatches, type TextStore } from './postgres-matches.ts';
import { type ParsedQuery, parseQuery, parseQueryCached } from './query.ts';
import { rankPage, rankRelated } from './ranking.ts';
import { arrayElementText, facetSuffix } from './tsvector.ts';
import type { IndexableItem, RowCopier, SearchHit, SearchIndex, SearchQuery, SearchResult } from './types.ts';

/**
 * PostgreSQL: `search_documents.tsv`, a tsvector of the same jieba terms the SQLite index keeps
 * (title weight A, body weight B), written as a tsvector literal so no text-search parser or
 * extension is involved (the `simple` configuration would give the same lexemes); a GIN index; a
 * tsquery of `&`-ed lexemes with `<->` for phrases (postgres-matches.ts); ranked as on SQLite
 * (ranking.ts).
 */

const BATCH = 2_000;

/**
 * Items oldest first (then by id): the order their rows are written in. A search reads the newest
 * matches; rows written in date order put them on the table's last pages, which stay in shared
 * buffers, instead of one page each spread over the whole table (docs/search.md, “Rows in date
 * order”). Each item once (its last version), as writeTsvectorBatches would keep it.
 */
export function inDateOrder(items: readonly IndexableItem[]): IndexableItem[] {
  return lastOfEach(items).sort((a, b) =>
    a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : a.id - b.id,
  );
}

/**
 * Writes a batch as one statement per table, each column one array parameter (`unnest`): a
 * statement of 2,000 rows has 8 parameters, not 16,000, and PostgreSQL parses it once. New items
 * (`fresh`) go by COPY instead: no statement, no arrays to parse, no conflict to look for. The
 * rows go in date order (`inDateOrder`).
 */
async function upsert(
  db: Kysely<Database>,
  items: readonly IndexableItem[],
  fresh?: RowCopier,
): Promise<void> {
  await writeTsvectorBatches(inDateOrder(items), BATCH, async (batch) => {
    if (fresh) return copyRows(fresh, batch);
    const rows = batch.map(documentRow);
    // The tsvector[] parameter as one array literal: its elements were built and escaped with the
    // segmentation (tsvector.ts), the facets appended here — what pg would make of the array.
    let tsvs = '';
    for (const p of batch) {
      const facets = facetSuffix(p.positional !== '', facetLexemes(p.item));
      tsvs += `${tsvs ? ',' : ''}"${p.positional}${arrayElementText(facets)}"`;
    }
    const texts = batch.map((p) => textRow(p.item));
    await sql`
      insert into search_documents (item_id, agency_id, category, year, document_type, validity, published_on, tsv)
      select * from unnest(${rows.map((r) => r.item_id)}::integer[], ${rows.map((r) => r.agency_id)}::integer[],
        ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.year)}::integer[],
        ${rows.map((r) => r.document_type)}::text[], ${rows.map((r) => r.validity)}::text[],
        ${rows.map((r) => r.published_on)}::text[], ${`{${tsvs}}`}::tsvector[])
      on conflict (item_id) do update set agency_id = excluded.agency_id, category = excluded.category,
        year = excluded.year, document_type = excluded.document_type, validity = excluded.validity,
        published_on = excluded.published_on, tsv = excluded.tsv`.execute(db);
    await sql`
      insert into search_texts (item_id, title, body_text, doc_number)
      select * from unnest(${texts.map((t) => t.item_id)}::integer[], ${texts.map((t) => t.title)}::text[],
        ${texts.map((t) => t.body_text)}::text[], ${texts.map((t) => t.doc_number)}::text[])
      on conflict (item_id) do update set title = excluded.title, body_text = excluded.body_text,
        doc_number = excluded.doc_number`.execute(db);
  });
}

const DOCUMENT_COLUMNS = [
  'item_id',
  'agency_id',
  'category',
  'year',
  'document_type',
  'validity',
  'published_on',
  'tsv',
] as const;
const TEXT_COLUMNS = ['item_id', 'title', 'body_text', 'doc_number'] as const;

/** An array element's text back to the text itself (arrayElementText's escapes undone). */
const unescapeElement = (element: string): string => element.replace(/\\([\\"])/g, '$1');

/** The batch's rows of both tables by COPY: the tsvector as its literal, which COPY parses as the column's type. */
async function copyRows(copier: RowCopier, batch: readonly TsvectorItem[]): Promise<void> {
  await copier.copy('search_documents', DOCUMENT_COLUMNS, batch, (p) => {
    const r = documentRow(p);
    const tsv = unescapeElement(p.positional) + facetSuffix(p.positional !== '', facetLexemes(p.item));
    return [r.item_id, r.agency_id, r.category, r.year, r.document_type, r.validity, r.published_on, tsv];
  });
  await copier.copy('search_texts', TEXT_COLUMNS, batch, (p) => {
    const t = textRow(p.item);
    return [t.item_id, t.title, t.body_text, t.doc_number];
  });
}

async function remove(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  for (const batch of chunks(ids, BATCH)) {
    await db.deleteFrom('search_documents').where('item_id', 'in', batch).execute();
    await db.deleteFrom('search_texts').where('item_id', 'in', batch).execute();
  }
}

function search(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult> {
  const parsed = parseQueryCached(query.text);
  if (parsed.groups.length === 0 || query.limit <= 0) return Promise.resolve({ total: 0, hits: [] });
  // The AND and the OR of the groups count the same groups: one counter for both; and the OR's
  // matches include the AND's, whose texts it need not read again: one store of texts for both.
  const counts = groupCounter(db, parsed);
  const texts: TextStore = new Map();
  return rankPage(
    postgresMatches(db, parsed, query, '&', undefined, counts, texts),
    parsed,
    query,
    true,
    postgresMatches(db, parsed, query, '|', undefined, counts, texts),
  );
}

/** Each text's number of matching items (its groups together), up to `cap`. */
async function wordCounts(db: Kysely<Database>, texts: readonly string[], cap: number): Promise<number[]> {
  const out: number[] = [];
  for (const text of texts) {
    const parsed = parseQuery(text);
    const query = { text, limit: 0, offset: 0 };
    const counts =
      parsed.groups.length === 0 ? [0] : await postgresMatches(db, parsed, query, '&').groupCounts(cap);
    out.push(Math.min(...counts));
  }
  return out;
}

/** Related items: the item's top terms, OR-ed, within its own agency, without itself. */
async function related(db: Kysely<Database>, itemId: number, limit: number): Promise<SearchHit[]> {
  const source = await relatedSource(db, itemId);
  if (!source) return [];
  const query = { text: '', agencyId: source.agencyId, limit, offset: 0 };
  const sourceOf = (parsed: ParsedQuery) => postgresMatches(db, parsed, query, '|', itemId);
  return rankRelated(sourceOf, source.title, source.bodyText, query);
}

/** The PostgreSQL tsvector + GIN implementation of SearchIndex. */
export const postgresSearchIndex: SearchIndex = {
  upsert,
  remove,
  search,
  wordCounts,
  related,
};
