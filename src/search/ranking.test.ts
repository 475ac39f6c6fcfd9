import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { RANK_LIMITS } from './ranking.ts';
import { searchIndexFor } from './search-index.ts';
import { indexItems } from './test-items.ts';
import type { SearchQuery } from './types.ts';

/** The ranking's bounds, reached with small limits: the window, older matches by date, the capped total. */
const SAVED = { ...RANK_LIMITS };
const day = (i: number): string => `2020-01-${String(i + 1).padStart(2, '0')}`;

beforeAll(() => {
  Object.assign(RANK_LIMITS, { window: 5, totalCap: 12, cacheMs: 0 });
});
afterAll(() => {
  Object.assign(RANK_LIMITS, SAVED);
});

describeEachDatabase('ranking bounds', (use) => {
  beforeAll(async () => {
    // 通知 in 24 items: 8 in the title (ids 1–8), 16 in the body only (ids 11–26).
    await indexItems(use(), 1, [
      ...Array.from({ length: 8 }, (_, i) => ({ id: 1 + i, title: `防汛通知${i}`, publishedOn: day(i) })),
      ...Array.from({ length: 16 }, (_, i) => ({
        id: 11 + i,
        title: `第${i}期简报`,
        bodyText: '通知',
        publishedOn: day(i + 8),
      })),
    ]);
    // 低保 in 8 items of agency 2, the oldest with it in the title.
    await indexItems(use(), 2, [
      { id: 30, title: '城乡低保标准', bodyText: '低保', publishedOn: day(0) },
      ...Array.from({ length: 7 }, (_, i) => ({
        id: 31 + i,
        title: `简报${i}`,
        bodyText: '低保',
        publishedOn: day(i + 1),
      })),
    ]);
  });

  const search = (text: string, more: Partial<SearchQuery> = {}) =>
    searchIndexFor(use().dialect).search(use().kysely, { text, limit: 30, offset: 0, ...more });

  it('ranks the newest window by relevance, then older matches by date; the total capped', async () => {
    const result = await search('通知');
    // The window is the 5 newest (body matches 26…22); 21…11, then the title matches 8…1, by date.
    expect(result.hits.map((h) => h.id)).toEqual([
      26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 8, 7, 6, 5, 4, 3, 2, 1,
    ]);
    expect(result).toMatchObject({ total: 12, totalCapped: true });
  });

  it('pages across the end of the window', async () => {
    const page = await search('通知', { limit: 3, offset: 4 });
    expect(page.hits.map((h) => h.id)).toEqual([22, 21, 20]);
    expect(page.hits.map((h) => h.score > 0)).toEqual([true, false, false]);
  });

  it('an exact total below the cap; a title match in the window ranks first', async () => {
    const result = await search('低保', { year: 2020 });
    expect(result.total).toBe(8);
    expect(result.totalCapped).toBeUndefined();
    const narrow = await search('城乡 低保');
    expect(narrow.hits.filter((h) => !h.partial).map((h) => h.id)).toEqual([30]);
    // the items holding only 低保 follow, marked
    expect(narrow.hits.slice(1).every((h) => h.partial)).toBe(true);
  });

  it('filters inside the index', async () => {
    expect((await search('低保', { agencyId: 2 })).hits).toHaveLength(8);
    expect((await search('低保', { agencyId: 1 })).hits).toHaveLength(0);
    expect((await search('低保', { year: 2019 })).total).toBe(0);
    expect((await search('通知', { agencyId: 1, limit: 2 })).hits.map((h) => h.id)).toEqual([26, 25]);
  });
});
