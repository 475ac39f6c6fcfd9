import type { IndexableItem, SearchQuery } from './types.ts';

/**
 * What the SQLite index keys and filters by.
 *
 * - The FTS5 rowid is `doc_key` = day of publication × 2^32 + item id: rowid order is date order,
 *   so “the newest matches” is an FTS5 scan that stops early, and a bulk load sorted by date
 *   appends to the index (FTS5 flushes whenever a rowid goes back).
 * - Filters are terms of a third column, `facets`: an agency, a category, a year, a type, a
 *   validity as U+E000 followed by a letter and the value (FTS5 intersects a year's term with the
 *   text far faster than it honours a rowid range). Segmentation drops private-use characters, so no
 *   query text can produce these terms; FTS5 intersects them with the text as any other term.
 * - `dateOfKey` gives the publication date back, so a match needs no other table to be ranked.
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

/**
 * Values of few distinct inputs (days, categories), computed once: a bulk index computes them
 * for every item, and Date.parse, lower-casing and a regex cost more than a lookup. Emptied when
 * full, so odd inputs cannot grow it without bound.
 */
function memo<V>(compute: (input: string) => V, max = 50_000): (input: string) => V {
  const known = new Map<string, V>();
  return (input) => {
    let value = known.get(input);
    if (value === undefined) {
      value = compute(input);
      if (known.size >= max) known.clear();
      known.set(input, value);
    }
    return value;
  };
}

const dayOf = memo(dayNumber);

/** The FTS5 rowid of an item. */
export function docKey(publishedOn: string, itemId: number): number {
  return dayOf(publishedOn) * TWO_32 + itemId;
}

/** The item id in a key (SQL: `rowid % 4294967296`). */
export const itemIdOf = (key: number): number => key % TWO_32;

const FACET = '\uE000';
const facetValue = memo((value: string): string => value.toLowerCase().replace(/[^a-z0-9]/g, 'x'));

/** The facet terms of an item, for the `facets` column. */
export function facetText(item: IndexableItem): string {
  return [
    `${FACET}a${item.agencyId}`,
    `${FACET}c${facetValue(item.category)}`,
    `${FACET}y${item.publishedOn.slice(0, 4)}`,
    `${FACET}t${facetValue(item.documentType)}`,
    `${FACET}v${facetValue(item.validity)}`,
  ].join(' ');
}

/** The facet terms a query's filters require. */
export function facetTerms(query: SearchQuery): string[] {
  const terms: string[] = [];
  if (query.agencyId !== undefined) terms.push(`${FACET}a${query.agencyId}`);
  if (query.category !== undefined) terms.push(`${FACET}c${facetValue(query.category)}`);
  if (query.year !== undefined) terms.push(`${FACET}y${query.year}`);
  if (query.documentType !== undefined) terms.push(`${FACET}t${facetValue(query.documentType)}`);
  if (query.validity !== undefined) terms.push(`${FACET}v${facetValue(query.validity)}`);
  return terms;
}

/** An FTS5 expression matching one facet term in the `facets` column. */
export const facetMatch = (term: string): string => `facets : "${term}"`;

/** The publication date (ISO) in a key. */
export const dateOfKey = (key: number): string =>
  new Date((Math.floor(key / TWO_32) - EPOCH_1900) * DAY_MS).toISOString().slice(0, 10);
