/**
 * The site's newest published items (the home page's lists): the newest first across agencies,
 * policy documents only when asked, drafts and withdrawn items never — read through the partial
 * index items_published_newest (migration 0048), not by sorting every item.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { addAgency } from '../../../test/accounts.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Db } from '../../db/connection.ts';
import { latestItems } from './catalog.ts';

describeEachDatabase('latestItems across agencies', (use) => {
  let db: Db;
  const addItem = (
    agency_id: number,
    title: string,
    published_on: string,
    status: string,
    is_policy_document = 0,
  ) =>
    db.kysely
      .insertInto('items')
      .values({
        ...{ agency_id, index_no: null, title, body_html: '<p>正文</p>' },
        ...{ body_text: '正文', category: 'other', column_code: null, issuer: '某机关', doc_number: null },
        ...{ formed_on: published_on, published_on, validity: '', subject: '', status },
        ...{ is_policy_document, is_interpretation: 0, is_meeting: 0, is_online_interview: 0 },
        ...{ interprets_item_id: null, reviewer: null, reviewed_on: null, review_result: null },
        ...{ review_opinion: null, withdrawn_on: null, withdrawn_reason: null, version: 1 },
        ...{ created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', created_by: 'newest' },
      })
      .execute();

  beforeAll(async () => {
    db = use();
    const a = await addAgency(db, 'newest-a');
    const b = await addAgency(db, 'newest-b');
    await addItem(a, '甲三月', '2024-03-01', 'published');
    await addItem(b, '乙五月', '2024-05-02', 'published', 1);
    await addItem(a, '甲六月草稿', '2024-06-09', 'draft', 1);
    await addItem(b, '乙四月已撤回', '2024-04-20', 'withdrawn');
    await addItem(a, '甲五月', '2024-05-02', 'published');
  });

  it('gives the newest published items of every agency first, the later id first on the same day', async () => {
    const all = await latestItems(db, { limit: 10 });
    expect(all.map((i) => [i.title, i.agency_code])).toEqual([
      ['甲五月', 'newest-a'],
      ['乙五月', 'newest-b'],
      ['甲三月', 'newest-a'],
    ]);
    expect((await latestItems(db, { limit: 2 })).map((i) => i.title)).toEqual(['甲五月', '乙五月']);
    expect((await latestItems(db, { policyOnly: true, limit: 10 })).map((i) => i.title)).toEqual(['乙五月']);
  });

  it('reads them through items_published_newest instead of sorting every item', async () => {
    const query = db.kysely
      .selectFrom('items')
      .select(['id'])
      .where('status', '=', 'published')
      .orderBy('published_on', 'desc')
      .orderBy('id', 'desc')
      .limit(10)
      .compile();
    const plan =
      db.dialect === 'postgres'
        ? await db.kysely.transaction().execute(async (trx) => {
            // a table of five rows is read whole by any planner: the index is what it must have
            await sql`set local enable_seqscan = off`.execute(trx);
            await sql`set local enable_sort = off`.execute(trx);
            const explained = await sql<
              Record<string, string>
            >`explain ${sql.raw(inline(query.sql, query.parameters))}`.execute(trx);
            return explained.rows.map((row) => Object.values(row).join(' ')).join('\n');
          })
        : (
            await sql<{
              detail: string;
            }>`explain query plan ${sql.raw(inline(query.sql, query.parameters))}`.execute(db.kysely)
          ).rows
            .map((row) => row.detail)
            .join('\n');
    expect(plan).toContain('items_published_newest');
    expect(plan).not.toMatch(/TEMP B-TREE|Sort\b/);
  });
});

/** The compiled query with its parameters written in (EXPLAIN takes no parameters): strings and numbers only. */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)|\?/g, (_, n: string | undefined) => {
    const value = parameters[n === undefined ? 0 : Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  });
}
