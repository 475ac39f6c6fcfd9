import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../../db/connection.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { indexItems, insertAgency } from '../../../search/test-items.ts';
import { buildServer } from '../../app.ts';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  const lingang = await insertAgency(db, 'lingang');
  const other = await insertAgency(db, 'other');
  await indexItems(db, lingang, [
    { id: 1, title: '关于<b>城乡低保</b>的通知', bodyText: '2021年度城乡低保资金发放', category: 'a20.9' },
    { id: 2, title: '就业补贴申领', bodyText: '低保家庭成员就业补贴', publishedOn: '2020-03-01' },
    ...Array.from({ length: 12 }, (_, i) => ({ id: 10 + i, title: `防汛工作通知${i}` })),
  ]);
  await indexItems(db, other, [{ id: 3, title: '低保标准', bodyText: '低保' }]);
  app = await buildServer({ db, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const get = (query: string) => app.inject(`/api/v1/search?${query}`);

describe('GET /api/v1/search', () => {
  it('finds items with escaped, marked titles and snippets', async () => {
    const res = await get(`q=${encodeURIComponent('2021年 低保')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      // item 1 holds both words; items 3 (低保 in its title) and 2 only 低保, and follow it
      total: 3,
      partialTotal: 2,
      page: 1,
      pageSize: 10,
      hits: [
        {
          id: 1,
          title: '关于<b>城乡低保</b>的通知',
          titleHtml: '关于&lt;b&gt;城乡<mark>低保</mark>&lt;/b&gt;的通知',
          snippetHtml: '<mark>2021年</mark>度城乡<mark>低保</mark>资金发放',
          publishedOn: '2021-06-01',
          partial: false,
        },
        { id: 3, partial: true },
        { id: 2, partial: true },
      ],
    });
  });

  it.each([
    ['agency', 'q=低保&agency=other', [3]],
    ['category', 'q=低保&category=a20.9', [1]],
    ['year', 'q=低保&year=2020', [2]],
    ['type and validity', 'q=低保&agency=lingang&type=policy&validity=valid', [1, 2]],
    ['nothing for an empty query', 'q=', []],
  ])('filters by %s', async (_name, query, ids) => {
    const res = await get(encodeURI(query));
    expect(res.statusCode).toBe(200);
    expect(res.json().hits.map((h: { id: number }) => h.id)).toEqual(ids);
  });

  it('sorts by date when asked, and refuses another order in Chinese', async () => {
    const byDate = await get(`q=${encodeURIComponent('低保')}&sort=date`);
    expect(byDate.json().hits.map((h: { publishedOn: string }) => h.publishedOn)).toEqual([
      '2021-06-01',
      '2021-06-01',
      '2020-03-01',
    ]);
    const bad = await get('q=a&sort=title');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('排序应为');
  });

  it('pages ten at a time', async () => {
    const res = await get(`q=${encodeURIComponent('防汛')}&page=2`);
    expect(res.json()).toMatchObject({ total: 12, page: 2 });
    expect(res.json().hits).toHaveLength(2);
  });

  it.each([
    ['an unknown agency', 'q=a&agency=nowhere', 404, 'not_found'],
    ['a bad year', 'q=a&year=21', 400, 'validation'],
    ['a bad type', 'q=a&type=law', 400, 'validation'],
    ['page 0', 'q=a&page=0', 400, 'validation'],
  ])('answers %s with an error body', async (_name, query, status, code) => {
    const res = await get(query);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });
});
