import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { insertJsonRows } from './json-rows.ts';
import { inTransaction } from './transaction.ts';

/** Values a JSON parameter must carry through unchanged: quotes, backslashes, Chinese, line breaks, nulls. */
const ROWS = [
  { n: 1, label: '关于“营商环境”的通知' },
  { n: 2, label: "it's a \\ back\nslash" },
  { n: null, label: null },
  { n: -7, label: '' },
];

describeEachDatabase('insertJsonRows', (use) => {
  it('writes every row of the batch in one statement, values as given, a missing key as null', async () => {
    const db = use();
    await sql`create table json_rows_probe (k integer, n integer, label text)`.execute(db.kysely);
    try {
      await inTransaction(db, async (trx) => {
        const rows: object[] = [...ROWS.map((r, k) => ({ k, ...r })), { k: 4, n: 9 }];
        await insertJsonRows(
          db.dialect,
          'json_rows_probe',
          { k: 'integer', n: 'integer', label: 'text' },
          rows,
        ).execute(trx);
      });
      const stored = await sql<{ k: number; n: number | null; label: string | null }>`
        select k, n, label from json_rows_probe order by k`.execute(db.kysely);
      expect(stored.rows).toEqual([...ROWS.map((r, k) => ({ k, ...r })), { k: 4, n: 9, label: null }]);
    } finally {
      await sql`drop table json_rows_probe`.execute(db.kysely);
    }
  });
});
