import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { IndexableItem, SearchQuery } from './types.ts';

/**
 * What the SQLite index keys and filters by.
 *
 * - The FTS5 rowid is `doc_key` = day of publication × 2^32 + item id: rowid order is date order,
 *   so “the newest matches” is an FTS5 scan that stops early, a year filter is a rowid range, and
 *   a bulk load sorted by date appends to the index (FTS5 flushes whenever a rowid goes back).
 * - Filters are terms of a third column, `facets`: an agency, a category, a type, a validity as
 *   U+E000 followed by a letter and the value. Segmentation drops private-use characters, so no
 *   query text can produce these terms; FTS5 intersects them with the text as any other term.
 */

const DAY_MS = 86_400_000;
/** days from 1900-01-01 to 1970-01-01 */
const EPOCH_1900 = 25_567;
const TWO_32 = 2 ** 32;
/** the latest day a key can hold (2^20 days after 1900: the year 4770); keys stay below 2^53 */
const MAX_DAY = 2 ** 20 - 1;

/** Days since 1900-01-01 of an ISO date (clamped to the key's range). */
export function dayNumber(isoDate: string): number {
  const days = Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS) + EPOCH_1900;
  return Number.isFinite(days) ? Math.min(MAX_DAY, Math.max(0, days)) : 0;
}

/** The FTS5 rowid of an item. */
export function docKey(publishedOn: string, itemId: number): number {
  return dayNumber(publishedOn) * TWO_32 + itemId;
}

/** The item id in a key (SQL: `rowid % 4294967296`). */
export const itemIdOf = (key: number): number => key % TWO_32;

/** The day number in a key, 2000-01-01 being 36524 (SQL: `rowid >> 32`). */
export const DAY_2000 = 36_524;

/** The rowid range of one year. */
export function yearRange(year: number): [number, number] {
  return [dayNumber(`${year}-01-01`) * TWO_32, (dayNumber(`${year}-12-31`) + 1) * TWO_32 - 1];
}

const FACET = '\uE000';
const facetValue = (value: string | number): string =>
  String(value)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x');

/** The facet terms of an item, for the `facets` column. */
export function facetText(item: IndexableItem): string {
  return [
    `${FACET}a${item.agencyId}`,
    `${FACET}c${facetValue(item.category)}`,
    `${FACET}t${facetValue(item.documentType)}`,
    `${FACET}v${facetValue(item.validity)}`,
  ].join(' ');
}

/** The facet terms a query's filters require (the year is a rowid range instead). */
export function facetTerms(query: SearchQuery): string[] {
  const terms: string[] = [];
  if (query.agencyId !== undefined) terms.push(`${FACET}a${query.agencyId}`);
  if (query.category !== undefined) terms.push(`${FACET}c${facetValue(query.category)}`);
  if (query.documentType !== undefined) terms.push(`${FACET}t${facetValue(query.documentType)}`);
  if (query.validity !== undefined) terms.push(`${FACET}v${facetValue(query.validity)}`);
  return terms;
}

/** An FTS5 expression matching one facet term in the `facets` column. */
export const facetMatch = (term: string): string => `facets : "${term}"`;

/**
 * How many items an FTS5 expression matches, counted up to `cap` (a scan that stops there), and
 * remembered for ten minutes per index: a term's frequency changes slowly, and knowing it lets
 * the search avoid ranking very common terms (see sqlite-rank.ts).
 */
const TTL_MS = 10 * 60_000;
const MAX_CACHED = 20_000;
const cache = new Map<string, { count: number; until: number }>();

async function instanceOf(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('search_meta').select('instance').executeTakeFirst();
  return row?.instance ?? '';
}

/** The capped match counts of several expressions, from the cache or by counting. */
export async function cappedCounts(
  db: Kysely<Database>,
  expressions: readonly string[],
  cap: number,
  now: number = Date.now(),
): Promise<number[]> {
  const instance = await instanceOf(db);
  const counts: number[] = [];
  for (const expression of expressions) {
    const key = `${instance}\u0000${cap}\u0000${expression}`;
    const hit = cache.get(key);
    if (hit && hit.until > now) {
      counts.push(hit.count);
      continue;
    }
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (select 1 from search_fts where search_fts match ${expression} limit ${cap})`.execute(
      db,
    );
    const count = Number(rows[0]?.n ?? 0);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { count, until: now + TTL_MS });
    counts.push(count);
  }
  return counts;
}
