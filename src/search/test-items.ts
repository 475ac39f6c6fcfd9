import type { Db } from '../db/connection.ts';
import { searchIndexFor } from './search-index.ts';
import type { IndexableItem, SearchQuery } from './types.ts';

/** Test helper: an indexable item with the fields a test does not care about filled in. */
export function indexable(fields: Partial<IndexableItem> & { id: number; agencyId: number }): IndexableItem {
  return {
    title: '通知',
    bodyText: '',
    docNumber: null,
    category: 'a20.1',
    publishedOn: '2021-06-01',
    validity: 'valid',
    documentType: 'policy',
    ...fields,
  };
}

/** Test helper: items numbered from `firstId` (the tests of one suite share a database, each uses its own agency). */
export function itemMaker(firstId: number) {
  let nextId = firstId;
  return (agencyId: number, fields: Partial<IndexableItem>): IndexableItem =>
    indexable({ id: nextId++, agencyId, ...fields });
}

/** Test helper: index, search and the ids found, on a suite's database. */
export function searchOn(use: () => Db) {
  const index = () => searchIndexFor(use().dialect);
  const add = (items: IndexableItem[]) => index().upsert(use().kysely, items);
  const search = (agencyId: number, text: string, more: Partial<SearchQuery> = {}) =>
    index().search(use().kysely, { text, agencyId, limit: 10, offset: 0, ...more });
  const ids = async (agencyId: number, text: string, more: Partial<SearchQuery> = {}) =>
    (await search(agencyId, text, more)).hits.map((h) => h.id);
  return { index, add, search, ids };
}

/** Test helper: an agency row with the given code; returns its id. */
export async function insertAgency(db: Db, code: string): Promise<number> {
  const row = await db.kysely
    .insertInto('agencies')
    .values({
      code,
      name: `${code} 管理委员会`,
      short_name: code,
      parent_id: null,
      kind: 'government',
      address: '',
      postcode: '',
      phone: '',
      website: '',
      website_name: '',
      office: '',
      created_at: '2024-01-01T00:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Test helper: indexes items of an agency (ids given), filling the fields a test does not care about. */
export async function indexItems(
  db: Db,
  agencyId: number,
  items: Array<Partial<IndexableItem> & { id: number }>,
) {
  await searchIndexFor(db.dialect).upsert(
    db.kysely,
    items.map((i) => indexable({ agencyId, ...i })),
  );
}
