/**
 * The item page's data: one query for what decides whether (and which version of) the page is
 * shown, and — on a cache miss only — the full item with its links and related items.
 */
import type { Db } from '../../db/connection.ts';
import { findItem } from '../../db/queries/items.ts';
import { distinctRelated } from '../../domain/items/related-titles.ts';
import { searchIndexFor } from '../../search/search-index.ts';
import type { SearchHit } from '../../search/types.ts';

/** How many related items an item page lists. */
export const RELATED_ITEMS = 5;

/** What decides whether (and which version of) an item page is shown. */
export interface ItemHead {
  id: number;
  version: number;
  title: string;
  category: string;
  /** for the page's meta tags: the day published, the issuer, the 主题分类 */
  published_on: string | null;
  issuer: string;
  subject: string;
}

/** The published item's version, title and category; null when not published by that agency. */
export async function publishedItemHead(db: Db, agencyId: number, itemId: number): Promise<ItemHead | null> {
  return (
    (await db.kysely
      .selectFrom('items')
      .select(['id', 'version', 'title', 'category', 'published_on', 'issuer', 'subject'])
      .where('id', '=', itemId)
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .executeTakeFirst()) ?? null
  );
}

/** The published item with its policy, interpretations, attachments and related items (same agency). */
export async function loadItemPage(db: Db, agencyId: number, itemId: number) {
  const found = await findItem(db, agencyId, itemId, { publishedOnly: true });
  if (!found) return null;
  // more than shown: hits of the same series (titles differing only in numbers) are dropped below
  const hits: SearchHit[] = await searchIndexFor(db.dialect).related(db.kysely, itemId, RELATED_ITEMS * 6);
  const ids = hits.map((h) => h.id);
  const sameAgency =
    ids.length === 0
      ? new Set<number>()
      : new Set(
          (
            await db.kysely
              .selectFrom('items')
              .select('id')
              .where('id', 'in', ids)
              .where('agency_id', '=', agencyId)
              .where('status', '=', 'published')
              .execute()
          ).map((r) => r.id),
        );
  // Related items are others than the linked policy and interpretations, listed on their own.
  const linked = new Set([found.policy?.id, ...found.interpretations.map((i) => i.id)]);
  const related = distinctRelated(
    found.row.title,
    hits.filter((h) => sameAgency.has(h.id) && !linked.has(h.id)),
    RELATED_ITEMS,
  );
  return { found, related };
}

/** The agency code of each item id (search hits link to their agency's item page). */
export async function agencyCodesOf(db: Db, itemIds: number[]): Promise<Map<number, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.kysely
    .selectFrom('items')
    .innerJoin('agencies', 'agencies.id', 'items.agency_id')
    .select(['items.id', 'agencies.code'])
    .where('items.id', 'in', itemIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}
