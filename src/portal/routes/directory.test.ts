/**
 * 机构导航 (/agencies) and the home page at province scale: above 30 agencies the home page lists
 * the top of the tree with the search and a link here; the demo's home page is as it was.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, describeEachWithDemo } from '../../../test/databases.ts';
import { insertAgencyRow } from '../../commands/items/testing.ts';
import type { Db } from '../../db/connection.ts';
import { crawlInternal } from '../../links/crawl.ts';
import { portalRequester } from '../../links/portal-request.ts';
import { buildServer } from '../../server/app.ts';
import { headingJumps, portalServer, publishTestItem, unlabelledFields } from '../testing.ts';

const CODE = 'dirzone';
const HOSTILE = '<b>"省&审计厅"</b>';
const NOW = new Date('2022-06-10T02:00:00Z');

interface Spec {
  code: string;
  name: string;
  parent?: string;
}

/** Inserts agencies, parents first (as given), each under its parent's code. */
async function addAgencies(db: Db, specs: Spec[]): Promise<void> {
  const ids = new Map<string, number>();
  for (const s of specs) {
    const parentId = s.parent ? (ids.get(s.parent) ?? null) : null;
    ids.set(s.code, await insertAgencyRow(db, s.code, { name: s.name, parentId }));
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');

/** 45 agencies: 14 at the top, 20 under t01, 5 under t02, 5 under c01, one under g01 (depth 3). */
const PROVINCE: Spec[] = [
  ...range(13).map((n) => ({ code: `t${pad(n)}`, name: `省第${n}厅` })),
  { code: 'hostile', name: HOSTILE },
  ...range(20).map((n) => ({ code: `c${pad(n)}`, name: `甲市第${n}局`, parent: 't01' })),
  ...range(5).map((n) => ({ code: `d${pad(n)}`, name: `ABC数据中心第${n}分中心`, parent: 't02' })),
  ...range(5).map((n) => ({ code: `g${pad(n)}`, name: `乙县第${n}街道办事处`, parent: 'c01' })),
  { code: 'gg1', name: '丙社区服务中心', parent: 'g01' },
];

/** How deep in nested lists the link to `code`'s section sits (1: the top of the tree). */
function depthOf(body: string, code: string): number {
  const at = body.indexOf(`href="/agencies/${code}/gongkai"`);
  if (at < 0) return -1;
  const before = body.slice(body.indexOf('<main'), at);
  return (before.match(/<ul\b/g) ?? []).length - (before.match(/<\/ul>/g) ?? []).length;
}

const panelOf = (body: string, id: string) =>
  new RegExp(`<section class="panel" aria-labelledby="${id}">[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';

describeEachDatabase('机构导航 and the home page of a site with 46 agencies', (use) => {
  let app: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  beforeAll(async () => {
    app = await portalServer(use(), CODE, NOW);
    await addAgencies(use(), PROVINCE);
    const c05 = await use()
      .kysely.selectFrom('agencies')
      .select('id')
      .where('code', '=', 'c05')
      .executeTakeFirstOrThrow();
    await use()
      .kysely.insertInto('annual_report_versions')
      .values({
        agency_id: c05.id,
        year: 2021,
        version: 1,
        published_on: '2022-01-20',
        reason: null,
        note: null,
        actor: 'test',
        recorded_at: '2022-01-20T02:00:00.000Z',
        snapshot: '{}',
      })
      .execute();
  });
  afterAll(() => app.close());

  it('lists only the top of the tree on the home page, with the search and 全部机关, all reports kept', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    const agencies = panelOf(res.body, 'agencies');
    expect(agencies).toContain('<a href="/agencies/t01/gongkai">省第1厅</a>');
    expect(agencies).toContain(`<a href="/agencies/${CODE}/gongkai">`);
    expect(agencies.match(/<li>/g)).toHaveLength(15);
    for (const child of ['c05', 'd01', 'g01', 'gg1']) expect(agencies).not.toContain(`/agencies/${child}/`);
    expect(agencies).toContain('<form class="inline finder" method="get" action="/agencies" role="search">');
    expect(agencies).toContain('<label for="home-q">查找机关</label>');
    expect(agencies).toContain('name="q"');
    expect(agencies).toContain('<button type="submit">查找</button>');
    expect(agencies).toContain('<a href="/agencies">全部机关（46个）</a>');
    // the annual reports panel still reads every agency: a child's report is there
    expect(panelOf(res.body, 'reports')).toContain(
      '<a href="/agencies/c05/reports/2021">甲市第5局2021年政府信息公开工作年度报告</a>',
    );
    expect(unlabelledFields(res.body)).toEqual([]);
    expect(headingJumps(res.body)).toEqual([]);
  });

  it('lists only the top of the tree on 政府信息公开 (/gongkai) too, with its own search field', async () => {
    const res = await get('/gongkai');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a href="/agencies/t01/gongkai">省第1厅</a>');
    expect(res.body).toContain('<a href="/agencies/t01/gongkai/guide">公开指南</a>');
    for (const child of ['c05', 'd01', 'g01', 'gg1']) expect(res.body).not.toContain(`/agencies/${child}/`);
    expect(res.body).toContain('<label for="gongkai-q">查找机关</label>');
    expect(res.body).toContain('<a href="/agencies">全部机关（46个）</a>');
    expect(unlabelledFields(res.body)).toEqual([]);
  });

  it('lists every agency under its parent, at any depth, with the count and its two links', async () => {
    const res = await get('/agencies');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>机构导航</h1>');
    expect(res.body).toContain('共46个机关，按上下级排列。');
    expect(res.body).not.toContain('class="pager"');
    expect(res.body).toContain('<li><a href="/">首页</a></li><li><a href="/gongkai">政府信息公开</a></li>');
    expect(res.body).toContain('<a href="/gongkai" aria-current="page">政府信息公开</a>');
    expect(res.body).toContain(
      '<a href="/agencies/c05/gongkai">甲市第5局</a><span class="sub"><a href="/agencies/c05/gongkai/catalog">主动公开</a><a href="/agencies/c05/apply">依申请公开</a></span>',
    );
    for (const [code, depth] of [
      ['t01', 1],
      ['t02', 1],
      ['c05', 2],
      ['d03', 2],
      ['g01', 3],
      ['gg1', 4],
    ] as const)
      expect(depthOf(res.body, code), code).toBe(depth);
    const at = (code: string) => res.body.indexOf(`/agencies/${code}/gongkai"`);
    expect(at('t01')).toBeLessThan(at('c01'));
    expect(at('c01')).toBeLessThan(at('g01'));
    expect(at('g01')).toBeLessThan(at('gg1'));
    expect(unlabelledFields(res.body)).toEqual([]);
    expect(headingJumps(res.body)).toEqual([]);
    expect((await get('/agencies/')).body).toContain('共46个机关');
  });

  it('escapes an agency’s name on the directory and the home page', async () => {
    const escaped = '&lt;b&gt;&quot;省&amp;审计厅&quot;&lt;/b&gt;';
    for (const url of ['/agencies', '/', `/agencies?q=${encodeURIComponent('审计')}`]) {
      const res = await get(url);
      expect(res.body, url).toContain(escaped);
      expect(res.body, url).not.toContain(HOSTILE);
    }
  });

  it('finds agencies by a part of their name, each with its parent, Latin letters in any case', async () => {
    const res = await get(`/agencies?q=${encodeURIComponent('  第5局 ')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('名称含“第5局”的机关共1个。');
    expect(res.body).toContain(
      '<a href="/agencies/c05/gongkai">甲市第5局</a><span class="parent">上级：省第1厅</span>',
    );
    expect(res.body).toContain('value="第5局"');
    const latin = await get('/agencies?q=abc');
    expect(latin.body).toContain('名称含“abc”的机关共5个。');
    expect(latin.body).toContain('ABC数据中心第3分中心</a><span class="parent">上级：省第2厅</span>');
    const top = await get(`/agencies?q=${encodeURIComponent('省第1')}`);
    expect(top.body).toContain('<a href="/agencies/t01/gongkai">省第1厅</a><span class="sub">');
  });

  it('says in Chinese when nothing matched and how to search again, and refuses an over-long name', async () => {
    const none = await get(`/agencies?q=${encodeURIComponent('不存在的机关')}`);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain(
      '没有名称含“不存在的机关”的机关。请换用名称中的其他字词（如“教育”“街道”）再查找，或<a href="/agencies">查看全部机关</a>。',
    );
    const long = await get(`/agencies?q=${encodeURIComponent('局'.repeat(51))}`);
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('text/html');
    expect(long.body).toContain('机关名称最长 50 个字，您输入了 51 个字，请缩短后再查找。');
    expect(long.body).toContain('aria-invalid="true"');
    expect(long.body).not.toContain('class="tree');
    expect((await get(`/agencies?q=${encodeURIComponent('局'.repeat(50))}`)).statusCode).toBe(200);
  });

  it('answers the same signed in as anonymous (a public page)', async () => {
    const url = `/agencies?q=${encodeURIComponent('第1')}`;
    const signedIn = await get(url, { 'x-gongkai-user': `${CODE}-admin` });
    // another address of the same page, so it is rendered again rather than answered as kept
    const anonymous = await get(`${url}&page=1`);
    expect(signedIn.statusCode).toBe(200);
    expect(anonymous.statusCode).toBe(200);
    // the larger-text link comes back to the address asked for: all else is the same
    const same = (body: string) => body.replace(/back=[^"]*/, '');
    expect(same(anonymous.body)).toBe(same(signedIn.body));
    expect(signedIn.headers['cache-control']).toBe('public, max-age=60');
    expect(signedIn.headers['set-cookie']).toBeUndefined();
    const home = await get('/', { 'x-gongkai-user': `${CODE}-admin` });
    expect(home.body).toContain('全部机关（46个）');
  });

  it('shows a renamed agency on the home page and here at the same signal', async () => {
    const renamed = '省第13厅（更名）';
    await use().kysely.updateTable('agencies').set({ name: renamed }).where('code', '=', 't13').execute();
    expect((await get('/agencies')).body).not.toContain(renamed);
    expect((await get('/')).body).not.toContain(renamed);
    // a publication empties the portal's caches (forgetItems): both pages read the agencies again
    await publishTestItem(app, CODE, { title: '关于机构更名的公告', category: 'a20.1' });
    expect((await get('/agencies')).body).toContain(renamed);
    expect((await get('/')).body).toContain(renamed);
  });

  it('lists 机构导航 on the 网站地图 and in sitemap.xml; every link on it answers', async () => {
    expect((await get('/sitemap')).body).toContain('<li><a href="/agencies">机构导航</a></li>');
    expect((await get('/sitemap.xml')).body).toMatch(/<loc>http:\/\/localhost(:\d+)?\/agencies<\/loc>/);
    expect((await get('/gongkai')).body).toContain('<a href="/agencies">');
    const body = (await get('/agencies')).body;
    const links = new Set([...body.matchAll(/href="(\/agencies\/[^"]+)"/g)].map((m) => m[1]));
    expect(links.size).toBe(46 * 3);
    for (const link of links) expect((await get(link)).statusCode, link).toBe(200);
  });

  it('lets the link check reach a child agency only 机构导航 lists, from its own start pages', async () => {
    const crawl = await crawlInternal({
      code: 'gg1',
      request: portalRequester(app),
      site: { origins: [] },
      maxPages: 8,
    });
    expect(crawl.pages).toBeGreaterThanOrEqual(7);
    expect(crawl.internalDead).toEqual([]);
  });
});

describeEachDatabase('机构导航 of 250 agencies, by pages of 200', (use) => {
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ url });

  beforeAll(async () => {
    app = await buildServer({ db: use(), now: () => NOW });
    await app.ready();
    await addAgencies(use(), [
      ...range(50).map((n) => ({ code: `p${n}`, name: `市第${n}局` })),
      ...range(200).map((n) => ({ code: `k${n}`, name: `区第${n}科`, parent: `p${(n % 50) + 1}` })),
    ]);
  });
  afterAll(() => app.close());

  it('pages the tree, leading page 2 with the parent of its first line', async () => {
    const first = await get('/agencies');
    expect(first.body).toContain('共250个机关，第1/2页');
    expect(first.body.match(/<span class="sub">/g)).toHaveLength(200);
    expect(first.body).toContain('<a href="/agencies?page=2" rel="next">下一页</a>');
    const second = await get('/agencies?page=2');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('共250个机关，第2/2页');
    expect(second.body.match(/<span class="sub">/g)).toHaveLength(50);
    expect((await get('/agencies?page=3')).headers.location).toBe('/agencies?page=2');
  });

  it('keeps the search in the page links', async () => {
    const q = encodeURIComponent('第');
    const first = await get(`/agencies?q=${q}`);
    expect(first.body).toContain('名称含“第”的机关共250个，第1/2页。');
    expect(first.body).toContain(`<a href="/agencies?q=${q}&amp;page=2" rel="next">下一页</a>`);
    const second = await get(`/agencies?q=${q}&page=2`);
    expect(second.body).toContain('第2/2页');
    const parents = (body: string) => (body.match(/<span class="parent">/g) ?? []).length;
    // the 200 children show their parent, on whichever page their name puts them
    expect(parents(first.body) + parents(second.body)).toBe(200);
    expect(second.body.match(/<span class="sub">/g)).toHaveLength(50);
  });
});

describeEachWithDemo('the demo’s home page (one agency): as it was', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ db: use(), now: () => NOW });
    await app.ready();
  });
  afterAll(() => app.close());

  it('lists its agency with its links and report, no search form, no link to 机构导航', async () => {
    const body = (await app.inject({ url: '/' })).body;
    expect(panelOf(body, 'agencies')).toBe(
      '<section class="panel" aria-labelledby="agencies"><h2 id="agencies">各机关政府信息公开</h2><ul class="list"><li><span><a href="/agencies/lingang/gongkai">威海临港经济技术开发区管理委员会</a><span class="sub"><a href="/agencies/lingang/gongkai/catalog">主动公开</a><a href="/agencies/lingang/apply">依申请公开</a><a href="/agencies/lingang/reports/2021">2021年度报告</a></span></span></li></ul></section>',
    );
    expect(panelOf(body, 'reports')).toBe(
      '<section class="panel" aria-labelledby="reports"><h2 id="reports">政府信息公开工作年度报告</h2><ul class="list"><li><span><a href="/agencies/lingang/reports/2021">威海临港经济技术开发区管理委员会2021年政府信息公开工作年度报告</a></span></li></ul><p><a href="/reports">全部年度报告</a></p></section>',
    );
    expect(body).not.toContain('action="/agencies"');
    const directory = await app.inject({ url: '/agencies' });
    expect(directory.body).toContain('共1个机关，按上下级排列。');
  });
});
