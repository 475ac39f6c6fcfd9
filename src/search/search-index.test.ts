import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { RANK_LIMITS } from './ranking.ts';
import { itemMaker, searchOn } from './test-items.ts';

const item = itemMaker(1000);

describeEachDatabase('SearchIndex', (use) => {
  const { add, search, ids } = searchOn(use);

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
    // 2022年 matches nothing: the item holding 低保 is found, marked as holding only some words
    const some = await search(3, '2022年 低保');
    expect(some.hits.map((h) => [h.id, h.partial])).toEqual([[dibao.id, true]]);
    const cut = item(3, { title: '服务指南', bodyText: '办理婚姻登记手续' });
    await add([cut]);
    expect(await ids(3, '婚姻登记')).toEqual([cut.id]);
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

  it('ranks the newest matches (the rank window); older ones follow by date', async () => {
    const saved = { ...RANK_LIMITS };
    Object.assign(RANK_LIMITS, { window: 3, cacheMs: 0 });
    try {
      const items = [1, 2, 3, 4, 5].map((i) =>
        item(25, {
          title: i === 5 ? '人才引进政策' : '简报',
          bodyText: '人才引进',
          publishedOn: `201${i}-01-01`,
        }),
      );
      await add(items);
      const hits = (await search(25, '人才引进')).hits;
      // 5 (title) ranks first in the window of the three newest; 2 and 1 follow, newest first.
      expect(hits.map((h) => h.id)).toEqual([
        items[4].id,
        items[3].id,
        items[2].id,
        items[1].id,
        items[0].id,
      ]);
      expect(hits.slice(3).map((h) => h.score)).toEqual([0, 0]);
      expect((await search(25, '人才引进', { limit: 2, offset: 3 })).hits.map((h) => h.id)).toEqual([
        items[1].id,
        items[0].id,
      ]);
    } finally {
      Object.assign(RANK_LIMITS, saved);
    }
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
});
