import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { searchIndexFor } from './search-index.ts';
import type { IndexableItem, SearchQuery } from './types.ts';

let nextId = 1000;

/** An item of agency `agencyId`; the tests of one suite share a database, each uses its own agency. */
function item(agencyId: number, fields: Partial<IndexableItem>): IndexableItem {
  return {
    id: nextId++,
    agencyId,
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

describeEachDatabase('SearchIndex', (use) => {
  const index = () => searchIndexFor(use().dialect);
  const add = (items: IndexableItem[]) => index().upsert(use().kysely, items);
  const search = (agencyId: number, text: string, more: Partial<SearchQuery> = {}) =>
    index().search(use().kysely, { text, agencyId, limit: 10, offset: 0, ...more });
  const ids = async (agencyId: number, text: string, more: Partial<SearchQuery> = {}) =>
    (await search(agencyId, text, more)).hits.map((h) => h.id);

  it('ranks a title match above a body match, even a newer one with more matches', async () => {
    const inTitle = item(1, {
      title: '城乡低保资金管理办法',
      bodyText: '资金管理',
      publishedOn: '2015-01-01',
    });
    const inBody = item(1, {
      title: '民政工作要点',
      bodyText: '低保 低保 低保 资金',
      publishedOn: '2024-01-01',
    });
    await add([inBody, inTitle]);
    expect(await ids(1, '低保')).toEqual([inTitle.id, inBody.id]);
  });

  it('with equal text, the newer item wins', async () => {
    const older = item(2, { title: '就业补贴申领指南', bodyText: '就业补贴', publishedOn: '2019-03-01' });
    const newer = item(2, { title: '就业补贴申领指南', bodyText: '就业补贴', publishedOn: '2023-03-01' });
    await add([older, newer]);
    expect(await ids(2, '就业补贴')).toEqual([newer.id, older.id]);
  });

  it('finds what a person expects for two-character words and mixed queries', async () => {
    const dibao = item(3, { title: '关于资金发放的通知', bodyText: '2021年度城乡低保资金已发放。' });
    const standard = item(3, { title: '公文格式', bodyText: '按照GB/T 9704-2012执行。' });
    const residents = item(3, { title: '城乡居民医疗保险', bodyText: '参保' });
    const minimum = item(3, { title: '最低保障线', bodyText: '最低保障标准' });
    await add([dibao, standard, residents, minimum]);
    expect(await ids(3, '低保')).toEqual([dibao.id]);
    expect(await ids(3, '2021年 低保')).toEqual([dibao.id]);
    expect(await ids(3, 'GB/T 9704')).toEqual([standard.id]);
    expect(await ids(3, 'gb/t9704')).toEqual([standard.id]);
    expect(await ids(3, '居民')).toEqual([residents.id]);
    expect(await ids(3, '2022年 低保')).toEqual([]);
  });

  it('a phrase needs its words together; without quotes they may stand apart', async () => {
    const together = item(4, { title: '说明', bodyText: '城乡低保标准' });
    const apart = item(4, { title: '说明', bodyText: '低保对象覆盖城乡', publishedOn: '2022-01-01' });
    await add([together, apart]);
    expect(await ids(4, '"城乡低保"')).toEqual([together.id]);
    expect((await ids(4, '城乡 低保')).sort()).toEqual([together.id, apart.id].sort());
  });

  it.each([
    ['category', 11, { category: 'a20.7' }],
    ['year', 12, { year: 2020 }],
    ['document type', 13, { documentType: 'interpretation' as const }],
    ['validity', 14, { validity: 'repealed' }],
  ])('filters by %s', async (_name, agency, filter) => {
    const matching = item(agency, {
      title: '安全生产检查',
      category: 'a20.7',
      publishedOn: '2020-05-01',
      documentType: 'interpretation',
      validity: 'repealed',
    });
    const other = item(agency, { title: '安全生产检查' });
    await add([matching, other]);
    expect(await ids(agency, '安全生产', filter)).toEqual([matching.id]);
    expect((await ids(agency, '安全生产')).length).toBe(2);
  });

  it('filters by agency', async () => {
    await add([item(20, { title: '环境保护公告' }), item(21, { title: '环境保护公告' })]);
    const result = await search(20, '环境保护');
    expect(result.total).toBe(1);
  });

  it('pages through the results with the total', async () => {
    await add(
      Array.from({ length: 5 }, (_, i) => item(22, { title: `防汛通知${i}`, publishedOn: `202${i}-01-01` })),
    );
    const first = await search(22, '防汛', { limit: 2 });
    const third = await search(22, '防汛', { limit: 2, offset: 4 });
    const beyond = await search(22, '防汛', { limit: 2, offset: 10 });
    expect([first.total, first.hits.length, third.hits.length, beyond.total, beyond.hits.length]).toEqual([
      5, 2, 1, 5, 0,
    ]);
  });

  it('escapes titles and snippets and marks the matches', async () => {
    const hostile = item(23, {
      title: '<script>alert(1)</script>低保',
      bodyText: '<img src=x onerror=alert(1)>低保',
    });
    await add([hostile]);
    const [hit] = (await search(23, '低保')).hits;
    expect(hit.title).toBe('<script>alert(1)</script>低保');
    expect(hit.titleHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<mark>低保</mark>');
    expect(hit.snippetHtml).toBe('&lt;img src=x onerror=alert(1)&gt;<mark>低保</mark>');
  });

  it.each(['"', '*', 'OR', 'NEAR(', 'a AND', '低保"', "'", '\\', '(', ':', '^', '-', 'title:x', '', '   '])(
    'a query of %j does not fail',
    async (text) => {
      await expect(search(24, text)).resolves.toMatchObject({ total: expect.any(Number) });
    },
  );

  it('an edit (upsert again) replaces the indexed text', async () => {
    const edited = item(30, { title: '防疫物资采购公告', bodyText: '口罩' });
    await add([edited]);
    await add([{ ...edited, title: '办公用品采购公告', bodyText: '纸张', category: 'a20.9' }]);
    expect(await ids(30, '防疫')).toEqual([]);
    expect(await ids(30, '口罩')).toEqual([]);
    expect(await ids(30, '办公用品', { category: 'a20.9' })).toEqual([edited.id]);
    expect((await search(30, '采购')).total).toBe(1);
  });

  it('a withdrawal (remove) takes the item out of search and related items', async () => {
    const kept = item(31, { title: '城乡低保资金发放', bodyText: '城乡低保 资金 发放' });
    const withdrawn = item(31, { title: '城乡低保资金发放', bodyText: '城乡低保 资金 发放' });
    await add([kept, withdrawn]);
    await index().remove(use().kysely, [withdrawn.id]);
    expect(await ids(31, '低保')).toEqual([kept.id]);
    expect(await index().related(use().kysely, kept.id, 5)).toEqual([]);
    expect(await index().related(use().kysely, withdrawn.id, 5)).toEqual([]);
  });

  it('writes in the caller’s transaction: a rollback leaves the index as it was', async () => {
    const db = use().kysely;
    const before = item(32, { title: '河道整治工程' });
    await add([before]);
    await expect(
      db.transaction().execute(async (trx) => {
        await index().upsert(trx, [
          { ...before, title: '桥梁维修工程' },
          item(32, { title: '桥梁维修工程' }),
        ]);
        await index().remove(trx, [before.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ids(32, '河道')).toEqual([before.id]);
    expect(await ids(32, '桥梁')).toEqual([]);
  });

  it('related items share the most terms, and never include the item itself', async () => {
    const subject = item(40, { title: '城乡低保标准调整', bodyText: '城乡低保 标准 调整 救助 民政' });
    const close = item(40, { title: '低保标准调整方案', bodyText: '低保 标准 调整 救助' });
    const loose = item(40, { title: '民政统计', bodyText: '民政 统计' });
    const unrelated = item(40, { title: '道路施工', bodyText: '交通 管制' });
    await add([subject, close, loose, unrelated]);
    const related = await index().related(use().kysely, subject.id, 5);
    expect(related.map((h) => h.id)).toEqual([close.id, loose.id]);
    expect(await index().related(use().kysely, 999_999, 5)).toEqual([]);
  });
});
