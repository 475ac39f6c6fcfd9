/**
 * The pages `bench:portal` measures, found in the demo data: the home page, the catalogue page of
 * the category with the most published items, the most recently published item, and a search for
 * a word of that item's title.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { DEMO_AGENCY_CODE } from '../src/demo/lingang.ts';

export interface BenchPage {
  /** a short name, also the static copy's file name */
  name: string;
  /** the path on the server */
  path: string;
}

/** A search word from a title: its first run of two to four Chinese characters. */
function searchWord(title: string): string {
  return /[\u4e00-\u9fff]{2,4}/.exec(title)?.[0] ?? title.slice(0, 4);
}

/** The four pages; throws when the demo agency has no published item (the pages would be empty). */
export async function portalPages(db: Db): Promise<BenchPage[]> {
  const agency = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', DEMO_AGENCY_CODE)
    .executeTakeFirstOrThrow();
  const published = db.kysely
    .selectFrom('items')
    .where('agency_id', '=', agency.id)
    .where('status', '=', 'published');
  const category = await published
    .select(['category', sql<number>`count(*)`.as('n')])
    .groupBy('category')
    .orderBy('n', 'desc')
    .executeTakeFirst();
  const item = await published
    .select(['id', 'title'])
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!category || !item) throw new Error('the demo agency has no published item: nothing to measure');
  const base = `/agencies/${DEMO_AGENCY_CODE}`;
  return [
    { name: 'home', path: '/' },
    { name: 'category', path: `${base}/gongkai/catalog?category=${encodeURIComponent(category.category)}` },
    { name: 'item', path: `${base}/items/${item.id}` },
    { name: 'search', path: `/search?q=${encodeURIComponent(searchWord(item.title))}` },
  ];
}
