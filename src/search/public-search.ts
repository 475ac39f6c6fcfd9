import type { Db } from '../db/connection.ts';
import { searchIndexFor } from './search-index.ts';
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
 * resolving the agency code first; `null` when no agency has that code.
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
  return searchIndexFor(db.dialect).search(db.kysely, { ...rest, agencyId });
}
