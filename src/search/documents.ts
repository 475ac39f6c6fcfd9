import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { itemTexts, itemTsvectors } from './segment-ahead.ts';
import { POOL_THRESHOLD } from './segment-pool.ts';
import type { IndexableItem, SearchQuery } from './types.ts';

/** What both implementations write for one item, segmented once. */
export interface PreparedItem {
  item: IndexableItem;
  year: number;
  /** the index terms of the title and the 文号, space-joined */
  titleText: string;
  /** the index terms of the body, space-joined */
  bodyText: string;
}

const yearOf = (item: IndexableItem): number => Number(item.publishedOn.slice(0, 4));

/** Each item once, in the order given: when an item appears twice, its last version. */
export function lastOfEach(items: readonly IndexableItem[]): IndexableItem[] {
  const byId = new Map<number, IndexableItem>();
  for (const item of items) byId.set(item.id, item);
  return byId.size === items.length ? [...items] : [...byId.values()];
}

/**
 * Segments items in batches of `size` and hands each batch to `write`, in order (items given to
 * segmentAhead are not segmented again). Many items are segmented in worker threads, the next
 * batches while one is written, and `meanwhile` (work that needs no terms) runs while the first batches are segmented; when an item appears more than
 * once, its last version is the one written.
 */
export function writeInBatches(
  items: readonly IndexableItem[],
  size: number,
  write: (batch: PreparedItem[]) => Promise<void>,
  meanwhile?: () => Promise<void>,
): Promise<void> {
  return inBatches(
    items,
    size,
    async (batch, bulk) => {
      const texts = await itemTexts(batch, bulk);
      return batch.map((item, k) => ({
        item,
        year: yearOf(item),
        titleText: texts[k][0],
        bodyText: texts[k][1],
      }));
    },
    write,
    meanwhile,
  );
}

/** What PostgreSQL's index writes for one item, segmented once. */
export interface TsvectorItem {
  item: IndexableItem;
  year: number;
  /** the positional lexemes of its tsvector, escaped as an array literal's element (tsvector.ts) */
  positional: string;
}

/**
 * writeInBatches for PostgreSQL: each item's tsvector lexemes are built with its segmentation
 * (in the worker threads when many), not on the writing thread.
 */
export function writeTsvectorBatches(
  items: readonly IndexableItem[],
  size: number,
  write: (batch: TsvectorItem[]) => Promise<void>,
): Promise<void> {
  return inBatches(
    items,
    size,
    async (batch, bulk) => {
      const positional = await itemTsvectors(batch, bulk);
      return batch.map((item, k) => ({ item, year: yearOf(item), positional: positional[k] }));
    },
    write,
  );
}

async function inBatches<T>(
  items: readonly IndexableItem[],
  size: number,
  prepare: (batch: IndexableItem[], bulk: boolean) => Promise<T[]>,
  write: (batch: T[]) => Promise<void>,
  meanwhile?: () => Promise<void>,
): Promise<void> {
  const unique = lastOfEach(items);
  const bulk = unique.length >= POOL_THRESHOLD;
  const prepared = chunks(unique, size).map((batch) => prepare(batch, bulk));
  await meanwhile?.();
  for (const batch of prepared) await write(await batch);
}

/**
 * Ranking: the relevance (title matches weigh ten times body matches) times a mild boost for
 * recent documents, 1 + (years since 2000) / 50 — a 2024 document gets 1.48, a 2014 one 1.28 —
 * so with equal text the newer wins, but a title match is not overtaken by a newer body match
 * (relevance.ts).
 */
export const TITLE_WEIGHT = 10;
export const RECENCY_DAYS = 365.25 * 50;

/** Row of search_documents (PostgreSQL) for an item. */
export function documentRow(p: { item: IndexableItem; year: number }) {
  return {
    item_id: p.item.id,
    agency_id: p.item.agencyId,
    category: p.item.category,
    year: p.year,
    document_type: p.item.documentType,
    validity: p.item.validity,
    published_on: p.item.publishedOn,
  };
}

/** Row of search_texts for an item. */
export function textRow(item: IndexableItem) {
  return { item_id: item.id, title: item.title, body_text: item.bodyText, doc_number: item.docNumber };
}

/** Batches of at most `size` (multi-row statements stay under the drivers' parameter limits). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The filters of a query, as they apply to search_documents (alias `d`). */
export function filtersOf(query: SearchQuery): Array<[column: string, value: string | number]> {
  const out: Array<[string, string | number]> = [];
  if (query.agencyId !== undefined) out.push(['agency_id', query.agencyId]);
  if (query.category !== undefined) out.push(['category', query.category]);
  if (query.year !== undefined) out.push(['year', query.year]);
  if (query.documentType !== undefined) out.push(['document_type', query.documentType]);
  if (query.validity !== undefined) out.push(['validity', query.validity]);
  return out;
}

/** The text and agency of an indexed item, for its related items; undefined when not indexed. */
export async function relatedSource(
  db: Kysely<Database>,
  itemId: number,
): Promise<{ title: string; bodyText: string; agencyId: number } | undefined> {
  const row = await db
    .selectFrom('search_texts as t')
    .innerJoin('search_documents as d', 'd.item_id', 't.item_id')
    .select(['t.title', 't.body_text', 'd.agency_id'])
    .where('t.item_id', '=', itemId)
    .executeTakeFirst();
  return row && { title: row.title, bodyText: row.body_text, agencyId: Number(row.agency_id) };
}
