/**
 * Facet counts of a search's matches (the ids the index gave, at most its total cap): by 第二十条
 * category, by year of publication, by document type — read from the items themselves.
 */
import type { Db } from '../../db/connection.ts';

export interface SearchFacets {
  category: Map<string, number>;
  year: Map<string, number>;
  type: Map<string, number>;
}

/** What a hit is: its category and document type, by item id. */
export type ItemKinds = Map<number, { category: string; type: string }>;

const CHUNK = 500;

const typeOf = (r: { is_policy_document: number; is_interpretation: number }): string =>
  r.is_policy_document ? 'policy' : r.is_interpretation ? 'interpretation' : 'other';

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** The counts of the matched items by category, year and type, and each item's kind. */
export async function searchFacets(
  db: Db,
  ids: readonly number[],
): Promise<{ facets: SearchFacets; kinds: ItemKinds }> {
  const facets: SearchFacets = { category: new Map(), year: new Map(), type: new Map() };
  const kinds: ItemKinds = new Map();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.kysely
      .selectFrom('items')
      .select(['id', 'category', 'published_on', 'is_policy_document', 'is_interpretation'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      const type = typeOf(r);
      kinds.set(Number(r.id), { category: r.category, type });
      bump(facets.category, r.category);
      if (r.published_on) bump(facets.year, r.published_on.slice(0, 4));
      bump(facets.type, type);
    }
  }
  return { facets, kinds };
}
