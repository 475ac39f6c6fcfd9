import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { itemMaker, searchOn } from './test-items.ts';

const item = itemMaker(5000);

describeEachDatabase('SearchIndex consistency and related items', (use) => {
  const { index, add, search, ids } = searchOn(use);

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
