import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { importItems } from '../src/commands/import-items/import-items.ts';
import { type ItemFileFormat, itemSource } from '../src/commands/import-items/sources.ts';
import { badDateRow, itemFile, type Row, threeRows } from '../src/commands/import-items/testing.ts';
import { importRecords } from '../src/commands/import-records.ts';
import { testContext } from '../src/commands/testing-context.ts';
import type { Db } from '../src/db/connection.ts';
import { loadReportFacts } from '../src/db/queries/report-facts.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { describeEachDatabase } from './databases.ts';

const NOW = new Date('2022-01-20T02:00:00Z');
const TABLES = ['items', 'publications', 'events', 'search_texts'] as const;

/** The import run by `test` on NOW. */
const importer = (db: Db) => testContext(db, { actor: { username: 'test' }, now: NOW });

async function run(db: Db, format: ItemFileFormat, rows: Row[], agency = 'imp-items') {
  const source = itemSource(await itemFile(format, rows), format);
  return importItems(importer(db), { file: source, source: `test.${format}`, agency });
}

async function counts(db: Db): Promise<number[]> {
  return Promise.all(
    TABLES.map(async (table) => {
      const row = await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
}

describeEachDatabase('gongkai items import', (use) => {
  beforeAll(async () => {
    async function* lines() {
      yield JSON.stringify({ type: 'agency', code: 'imp-items', name: '导入测试机关', kind: 'department' });
    }
    expect(
      (
        await importRecords(testContext(use(), { actor: { username: 'test' } }), {
          lines: lines(),
          source: 'setup',
        })
      ).problems,
    ).toEqual([]);
  });

  describe.each<ItemFileFormat>(['csv', 'xlsx', 'jsonl'])('a good %s file', (format) => {
    it('publishes every row: items, events, website rows and postings, links, search index, report', async () => {
      const publications = async () =>
        (await loadReportFacts(use(), 'imp-items', 2021))?.current.publications;
      const before = await publications();
      const result = await run(use(), format, threeRows(format));
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({ ok: true, imported: 3 });
      const items = await use()
        .kysely.selectFrom('items')
        .select(['id', 'status', 'index_no', 'body_html', 'interprets_item_id', 'published_on'])
        .where('title', 'like', `%${format}`)
        .orderBy('id')
        .execute();
      expect(items.map((i) => i.status)).toEqual(['published', 'published', 'published']);
      expect(items[0]).toMatchObject({
        body_html: '<p>营商环境</p>',
        index_no: expect.stringMatching(/^IMP-ITEMS\/2021-01-\d{5}$/),
      });
      expect(items[1]).toMatchObject({ interprets_item_id: items[0]?.id, published_on: '2021-03-06' });
      const found = await searchIndexFor(use().dialect).search(use().kysely, {
        text: `实施意见${format}`,
        limit: 5,
        offset: 0,
      });
      expect(found.hits.map((h) => h.id)).toContain(items[0]?.id);
      const after = await publications();
      // the website rows of the three items and the WeChat posting; one policy, one interpretation
      expect([after?.total, after?.policyDocuments, after?.interpretations]).toEqual([
        (before?.total ?? 0) + 4,
        (before?.policyDocuments ?? 0) + 2,
        (before?.interpretations ?? 0) + 1,
      ]);
    });

    it('writes nothing from a file with a bad row in the middle, naming the row and the column', async () => {
      const before = await counts(use());
      const [policy, interpretation, plain] = threeRows(`bad-${format}`) as [Row, Row, Row];
      const result = await run(use(), format, [policy, badDateRow(format), interpretation, plain]);
      expect(result.ok).toBe(false);
      const column = format === 'jsonl' ? '字段“publishedOn”' : '列“发布日期”';
      // a table's header is row 1; a JSON Lines file has no header
      expect(result.problems).toEqual([
        {
          line: format === 'jsonl' ? 2 : 3,
          reason: `${column}的值“2021-13-01”不是有效日期，请写成 YYYY-MM-DD`,
        },
      ]);
      expect(await counts(use())).toEqual(before);
    });
  });

  describe('rejects a file, naming the row', () => {
    const [policy, interpretation] = threeRows('r') as [Row, Row];
    it.each<[string, Row[], number, string]>([
      [
        'an interpretation of an unknown policy',
        [{ ...interpretation, 解读对象: 'p-nowhere' }],
        2,
        '“p-nowhere”既不是本文件中信息的编号',
      ],
      ['a 编号 used twice', [policy, policy], 3, '编号“p-r”已在第2行用过'],
      [
        'an unknown channel',
        [{ ...policy, 其他渠道: 'tiktok https://x.cn/1' }],
        2,
        '“tiktok”不是该机关的其他发布渠道',
      ],
      [
        'an interpretation of a plain item',
        [{ ...policy, 政策文件: '否' }, interpretation],
        3,
        '不是已发布的政策文件',
      ],
    ])('%s', async (_situation, rows, line, mentions) => {
      const before = await counts(use());
      const result = await run(use(), 'csv', rows);
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toEqual({ line, reason: expect.stringContaining(mentions) });
      expect(await counts(use())).toEqual(before);
    });

    it('an unknown agency', async () => {
      const result = await run(use(), 'csv', threeRows('x'), 'nowhere');
      expect(result.problems[0]?.reason).toContain('机关代码“nowhere”不存在');
    });

    it('a header without a required column', async () => {
      const source = itemSource(Readable.from('标题,类别,成文日期\n甲,a20.1,2021-01-01\n'), 'csv');
      const result = await importItems(importer(use()), {
        file: source,
        source: 'h.csv',
        agency: 'imp-items',
      });
      expect(result.problems).toEqual([
        { line: 1, reason: expect.stringContaining('缺少必填的列“发布日期”') },
      ]);
    });
  });
});
