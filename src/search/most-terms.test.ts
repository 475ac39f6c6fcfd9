import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { itemMaker, searchOn } from './test-items.ts';

const item = itemMaker(5000);

describeEachDatabase('SearchIndex: long questions, most terms, sort by date', (use) => {
  const { add, search, ids } = searchOn(use);

  it('a question finds what its words find: all of them first, then most of them', async () => {
    const all = item(1, {
      title: '城乡低保申请条件',
      bodyText: '申请城乡低保应当符合下列条件',
      publishedOn: '2019-01-01',
    });
    const three = item(1, { title: '城乡低保标准', bodyText: '申请低保', publishedOn: '2023-01-01' });
    const one = item(1, { title: '城乡环境整治', bodyText: '环境', publishedOn: '2024-01-01' });
    const none = item(1, { title: '防汛工作', bodyText: '防汛', publishedOn: '2024-02-01' });
    await add([all, three, one, none]);
    const result = await search(1, '我想了解城乡低保的申请条件');
    expect(result.hits.map((h) => h.id)).toEqual([all.id, three.id, one.id]);
    expect(result.hits.map((h) => h.partial ?? false)).toEqual([false, true, true]);
    expect(result).toMatchObject({ total: 3, partialTotal: 2, dropped: ['我想', '了解'] });
  });

  it('never answers nothing when some of the words match', async () => {
    const dibao = item(2, { title: '低保资金发放', bodyText: '低保' });
    await add([dibao]);
    expect(await ids(2, '低保 火星基地')).toEqual([dibao.id]);
    expect(await ids(2, '火星基地')).toEqual([]);
  });

  it.each([
    ['请问怎么申请低保', ['请问', '怎么']],
    ['关于低保的通知', ['关于']],
    ['如何查询低保', ['如何', '查询']],
  ])('stop words of “%s” are left out', async (text, dropped) => {
    const dibao = item(3, { title: '低保申请通知', bodyText: '低保' });
    await add([dibao]);
    const result = await search(3, text);
    expect(result.hits[0]?.id).toBe(dibao.id);
    expect(result.dropped).toEqual(dropped);
  });

  it('a query of stop words only is searched as typed; quoted words are kept', async () => {
    const about = item(4, { title: '关于', bodyText: '怎么' });
    await add([about]);
    expect(await ids(4, '关于')).toEqual([about.id]);
    expect((await search(4, '"关于" 低保')).hits.map((h) => h.id)).toEqual([about.id]);
  });

  it('sort by date: newest first, the items holding all words before the others', async () => {
    const titleOld = item(5, { title: '就业补贴申领', bodyText: '就业补贴', publishedOn: '2018-01-01' });
    const bodyNew = item(5, { title: '通知', bodyText: '就业 补贴 另行', publishedOn: '2023-01-01' });
    const someNewest = item(5, { title: '就业服务', bodyText: '就业', publishedOn: '2024-01-01' });
    await add([titleOld, bodyNew, someNewest]);
    expect(await ids(5, '就业 补贴')).toEqual([titleOld.id, bodyNew.id, someNewest.id]);
    expect(await ids(5, '就业 补贴', { sort: 'date' })).toEqual([bodyNew.id, titleOld.id, someNewest.id]);
  });

  it('gives the ids of every match for facet counts when asked', async () => {
    const a = item(6, { title: '农机补贴', bodyText: '' });
    const b = item(6, { title: '农机', bodyText: '', publishedOn: '2020-01-01' });
    await add([a, b]);
    const result = await search(6, '农机 补贴', { withMatchedIds: true });
    expect(result.matchedIds?.sort()).toEqual([a.id, b.id].sort());
    expect((await search(6, '农机 补贴')).matchedIds).toBeUndefined();
  });
});
