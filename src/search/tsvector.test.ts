import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { CopyWriter, withPinnedClient } from '../commands/import/pg-copy.ts';
import { inTransaction } from '../db/transaction.ts';
import { facetLexemes } from './postgres-facets.ts';
import { searchIndexFor } from './search-index.ts';
import { indexText } from './segment.ts';
import { POOL_THRESHOLD } from './segment-pool.ts';
import { indexable } from './test-items.ts';
import { arrayElementText, indexForms, positionalLexemes, tsvectorLiteral } from './tsvector.ts';
import type { IndexableItem, RowCopier } from './types.ts';

describe('tsvectorLiteral', () => {
  it('puts title terms (A) before a gap and body terms (B), then the facets without positions', () => {
    expect(tsvectorLiteral('低保 资金', '低保 发放', ['\uE000m202106', "\uE000ca'b\\c"])).toBe(
      "'低保':1A,4B '资金':2A '发放':5B '\uE000m202106' '\uE000ca''b\\\\c'",
    );
    expect(tsvectorLiteral('', '', ['\uE000a1'])).toBe("'\uE000a1'");
  });

  it('gives the workers’ form: each item’s positional lexemes, escaped as an array element', () => {
    const sources = ['城乡低保 "通知"', '按照GB/T 9704执行\\', '', ''];
    expect(indexForms(sources, 'tsvector')).toEqual([
      arrayElementText(positionalLexemes(indexText(sources[0]), indexText(sources[1]))),
      '',
    ]);
    expect(arrayElementText('a"b\\c')).toBe('a\\"b\\\\c');
  });
});

/** Items whose text and facets need quoting, many enough (with `count` ≥ POOL_THRESHOLD) for the worker threads. */
const items = (count: number, firstId: number): IndexableItem[] =>
  Array.from({ length: count }, (_, i) =>
    indexable({
      id: firstId + i,
      agencyId: 1 + (i % 3),
      title: `关于做好2021年度城乡低保资金发放工作的通知${i}`,
      docNumber: i % 2 === 0 ? `威临管发〔2021〕${i}号` : null,
      bodyText: `按照GB/T 9704-2012执行，"城乡居民"最低生活保障第${i}条\\ 'quoted' ${'低保 '.repeat(i % 300)}`,
      category: i % 5 === 0 ? `a"b'c\\${i % 7}` : 'a20.1',
      publishedOn: i % 11 === 0 ? '' : `20${10 + (i % 15)}-0${1 + (i % 9)}-15`,
    }),
  );

/** The literal the main thread built before the workers did: indexText of each text, then tsvectorLiteral. */
const mainThreadLiteral = (item: IndexableItem): string =>
  tsvectorLiteral(
    indexText(item.docNumber ? `${item.title} ${item.docNumber}` : item.title),
    indexText(item.bodyText),
    facetLexemes(item),
  );

describeEachDatabase('the index written with the tsvectors built in the workers', (use) => {
  it('holds for every item what the main thread’s literal gave (PostgreSQL), finds them (SQLite)', {
    timeout: 120_000,
  }, async () => {
    const db = use();
    const written = [...items(POOL_THRESHOLD + 100, 1), ...items(3, 100_001).slice(0, 3)];
    const index = searchIndexFor(db.dialect);
    await index.upsert(db.kysely, written.slice(0, POOL_THRESHOLD + 100));
    await index.upsert(db.kysely, written.slice(POOL_THRESHOLD + 100));
    if (db.dialect === 'sqlite') {
      const found = await index.search(db.kysely, { text: '城乡居民', limit: 10, offset: 0 });
      expect(found.total).toBe(1_000);
      return;
    }
    const { rows } = await sql<{ same: number | string; total: number | string }>`
      select count(*) filter (where d.tsv = u.literal::tsvector) as same, count(*) as total
      from search_documents d join unnest(${written.map((i) => i.id)}::int[], ${written.map(mainThreadLiteral)}::text[])
        as u(id, literal) on u.id = d.item_id`.execute(db.kysely);
    expect([Number(rows[0]?.same), Number(rows[0]?.total)]).toEqual([written.length, written.length]);
  });
});

describeEachDatabase('new items indexed by COPY (upsert with a copier)', (use) => {
  it('write what the unnest statements write: the same tsvectors and texts (PostgreSQL); SQLite ignores the copier', {
    timeout: 120_000,
  }, async () => {
    const db = use();
    const index = searchIndexFor(db.dialect);
    const copied = items(POOL_THRESHOLD + 100, 200_001);
    if (db.dialect === 'sqlite') {
      const refused: RowCopier = {
        copy: () => Promise.reject(new Error('SQLite has no COPY')),
      };
      await index.upsert(db.kysely, copied, refused);
      const found = await index.search(db.kysely, { text: '城乡居民', limit: 10, offset: 0 });
      expect(found.total).toBe(1_000);
      return;
    }
    await withPinnedClient(db, (pinned, client) =>
      inTransaction(pinned, async (trx) => {
        const copier = new CopyWriter(client);
        await index.upsert(trx, copied, copier);
        await copier.settle();
      }),
    );
    // the same items again through the statements, under other ids: every column must agree
    const offset = 100_000;
    await index.upsert(
      db.kysely,
      copied.map((item) => ({ ...item, id: item.id + offset })),
    );
    const { rows } = await sql<{ same: number | string; total: number | string }>`
      select count(*) filter (where (d.agency_id, d.category, d.year, d.document_type, d.validity, d.published_on,
          d.tsv, t.title, t.body_text, t.doc_number) is not distinct from (s.agency_id, s.category, s.year,
          s.document_type, s.validity, s.published_on, s.tsv, st.title, st.body_text, st.doc_number)
        and d.tsv = u.literal::tsvector) as same, count(*) as total
      from search_documents d join search_texts t on t.item_id = d.item_id
      join search_documents s on s.item_id = d.item_id + ${offset} join search_texts st on st.item_id = s.item_id
      join unnest(${copied.map((i) => i.id)}::int[], ${copied.map(mainThreadLiteral)}::text[]) as u(id, literal)
        on u.id = d.item_id`.execute(db.kysely);
    expect([Number(rows[0]?.same), Number(rows[0]?.total)]).toEqual([copied.length, copied.length]);
  });
});
