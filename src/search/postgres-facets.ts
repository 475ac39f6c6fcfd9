import type { SearchQuery } from './types.ts';

/**
 * Lexemes of search_documents.tsv that no query text can produce (U+E000, a private-use
 * character, is dropped by segmentation), so the GIN index that finds a word also narrows it:
 *
 * - the publication month, `U+E000 m YYYYMM`: the newest matches of a common word are looked for
 *   month by month, newest first (postgres-matches.ts), and GIN intersects the word's long
 *   posting list with a few months' short ones instead of reading all of it;
 * - the filters, `U+E000` + a letter + the value (agency, category, document type, validity), as
 *   FTS5's `facets` column does on SQLite (sqlite-terms.ts), so a filter narrows the same scan
 *   instead of rows fetched and thrown away.
 */
export const MARK = '\uE000';

/** A month as a number (year × 12 + month − 1); NaN for a date that is not YYYY-MM-…. */
export function monthNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : Number.NaN;
}

/** The first day of a month number, YYYY-MM-01. */
export function monthStart(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/** The month lexeme of a month number. */
export function monthLexeme(month: number): string {
  const start = monthStart(month);
  return `${MARK}m${start.slice(0, 4)}${start.slice(5, 7)}`;
}

/** What an item's facets are made of. */
export interface FacetValues {
  agencyId: number;
  category: string;
  documentType: string;
  validity: string;
  publishedOn: string;
}

/** The facet lexemes of an item: its month (when its date has one) and its filter values. */
export function facetLexemes(item: FacetValues): string[] {
  const month = monthNumber(item.publishedOn);
  return [
    ...(Number.isNaN(month) ? [] : [monthLexeme(month)]),
    `${MARK}a${item.agencyId}`,
    `${MARK}c${item.category}`,
    `${MARK}t${item.documentType}`,
    `${MARK}v${item.validity}`,
  ];
}

/** The facet lexemes a query's filters require (the year is a range of months, not a lexeme). */
export function filterLexemes(query: SearchQuery): string[] {
  return [
    ...(query.agencyId === undefined ? [] : [`${MARK}a${query.agencyId}`]),
    ...(query.category === undefined ? [] : [`${MARK}c${query.category}`]),
    ...(query.documentType === undefined ? [] : [`${MARK}t${query.documentType}`]),
    ...(query.validity === undefined ? [] : [`${MARK}v${query.validity}`]),
  ];
}

/** A lexeme quoted for a tsvector or tsquery literal. */
export const quoteLexeme = (term: string): string =>
  /['\\]/.test(term) ? `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'` : `'${term}'`;
