import type { Db } from '../db/connection.ts';
import { parseQuery } from './query.ts';
import { searchIndexFor } from './search-index.ts';
import { suggestQuery } from './suggest.ts';
import type { SearchQuery, SearchResult } from './types.ts';

/** What the portal's search form and `gongkai search` ask for: filters by code, not by id. */
export interface PublicSearchParams {
  text: string;
  /** agency code, e.g. lingang */
  agency?: string;
  category?: string;
  year?: number;
  documentType?: SearchQuery['documentType'];
  validity?: string;
  sort?: SearchQuery['sort'];
  withMatchedIds?: boolean;
  limit: number;
  offset: number;
}

/**
 * Runs a search through the database's SearchIndex (the same one the publishing commands write),
 * resolving the agency code first; `null` when no agency has that code. When nothing is found,
 * a query that finds something is suggested (suggest.ts), counted over every item.
 */
export async function publicSearch(db: Db, params: PublicSearchParams): Promise<SearchResult | null> {
  const { agency, ...rest } = params;
  let agencyId: number | undefined;
  if (agency !== undefined) {
    const row = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', agency)
      .executeTakeFirst();
    if (!row) return null;
    agencyId = Number(row.id);
  }
  const index = searchIndexFor(db.dialect);
  const result = await index.search(db.kysely, { ...rest, agencyId });
  if (result.total > 0 || rest.offset > 0) return result;
  const words = parseQuery(rest.text).groups.map((g) => g.words.join(''));
  const suggestion = await suggestQuery(rest.text, words, (texts) =>
    index.wordCounts(db.kysely, texts, SUGGESTION_COUNT_CAP),
  );
  return suggestion ? { ...result, suggestion } : result;
}

/** A word's matches are counted up to here to choose between suggestions. */
const SUGGESTION_COUNT_CAP = 1_000;
