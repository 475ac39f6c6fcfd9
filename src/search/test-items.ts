import type { Db } from '../db/connection.ts';
import { searchIndexFor } from './search-index.ts';
import type { IndexableItem } from './types.ts';

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
    items.map((i) => ({
      agencyId,
      title: '通知',
      bodyText: '',
      docNumber: null,
      category: 'a20.1',
      publishedOn: '2021-06-01',
      validity: 'valid',
      documentType: 'policy',
      ...i,
    })),
  );
}
