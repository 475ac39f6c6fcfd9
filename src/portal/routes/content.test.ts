import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { STYLESHEET_URL } from '../assets.ts';
import {
  headingJumps,
  linkTestInterpretation,
  portalServer,
  publishTestItem,
  unlabelledFields,
} from '../testing.ts';

const CODE = 'portalzone';
const HOSTILE = '<script>alert("x")</script>关于低保标准的通知';

describeEachDatabase('portal content pages', (use) => {
  let app: FastifyInstance;
  const ids: Record<string, number> = {};
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  beforeAll(async () => {
    app = await portalServer(use(), CODE, new Date('2021-06-10T02:00:00Z'));
    const admin = { 'x-gongkai-user': `${CODE}-admin` };
    const column = await app.inject({
      method: 'PUT',
      url: `/api/v1/agencies/${CODE}/item-columns/dibao`,
      headers: admin,
      payload: { name: '城乡低保', category: 'a20.11' },
    });
    expect(column.statusCode, column.body).toBe(200);
    ids.policy = await publishTestItem(app, CODE, {
      title: '关于调整城乡居民最低生活保障标准的通知',
      bodyHtml: '<p>各镇街：现将最低生活保障标准调整如下。</p>',
      category: 'a20.11',
      columnCode: 'dibao',
      docNumber: '临发〔2021〕5号',
      isPolicyDocument: true,
      subject: '社会保障',
    });
    ids.interpretation = await publishTestItem(app, CODE, {
      title: '《关于调整城乡居民最低生活保障标准的通知》政策解读',
      bodyHtml: '<p>一、调整最低生活保障标准的背景。</p>',
      category: 'a20.11',
      isInterpretation: true,
    });
    await linkTestInterpretation(app, CODE, ids.interpretation, ids.policy);
    ids.hostile = await publishTestItem(app, CODE, { title: HOSTILE, category: 'a20.2' });
    for (let n = 1; n <= 23; n++)
      ids[`budget${n}`] = await publishTestItem(app, CODE, {
        title: `2021年部门预算公开（第${n}号）`,
        category: 'a20.7',
      });
  });
  afterAll(() => app.close());

  it('renders the home page with the newest items, the policy and its interpretation, the agency', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain(`<link rel="stylesheet" href="${STYLESHEET_URL}">`);
    expect(res.body).toContain('关于调整城乡居民最低生活保障标准的通知');
    expect(res.body).toContain(`解读：《关于调整城乡居民最低生活保障标准的通知》政策解读`);
    expect(res.body).toContain(`/agencies/${CODE}/gongkai`);
    expect(res.body).not.toContain('<script');
  });

  it('renders the 政府信息公开 section pages with the left column and breadcrumb', async () => {
    for (const [path, heading] of [
      ['', '政府信息公开'],
      ['/guide', '政府信息公开指南'],
      ['/rules', '政府信息公开制度'],
      ['/on-request', '依申请公开'],
      ['/reports', '政府信息公开工作年度报告'],
    ]) {
      const res = await get(`/agencies/${CODE}/gongkai${path}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(heading);
      expect(res.body, path).toContain(
        '<nav class="crumbs wrap" aria-label="当前位置"><ol><li><a href="/">首页</a></li>',
      );
      expect(res.body, path).toContain('<aside class="side" aria-label="栏目">');
      expect(res.body, path).toContain(`${CODE} 测试局`);
    }
    expect((await get('/gongkai')).body).toContain(`/agencies/${CODE}/gongkai/catalog`);
  });

  it('lists the 15 categories of 第二十条 with counts and the agency sub-column', async () => {
    const res = await get(`/agencies/${CODE}/gongkai/catalog`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('（一）行政法规、规章和规范性文件');
    expect(res.body).toContain('（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息');
    expect(res.body).toMatch(/（七）财政预算、决算信息<\/a><span class="count">（23条）/);
    expect(res.body).toContain('城乡低保');
  });

  it('pages a category 20 items at a time, and narrows to a sub-column', async () => {
    const first = await get(`/agencies/${CODE}/gongkai/catalog?category=a20.7`);
    expect(first.body).toContain('共23条，第1/2页');
    expect(first.body).toContain('2021年部门预算公开（第23号）');
    expect(first.body).not.toContain('2021年部门预算公开（第3号）<');
    expect(first.body).toContain('rel="next"');
    const second = await get(`/agencies/${CODE}/gongkai/catalog?category=a20.7&page=2`);
    expect(second.body).toContain('第2/2页');
    expect(second.body).toContain('2021年部门预算公开（第1号）');
    expect(second.body).toContain('<span aria-current="page">第2页</span>');
    const column = await get(`/agencies/${CODE}/gongkai/catalog?category=a20.11&column=dibao`);
    expect(column.body).toContain('关于调整城乡居民最低生活保障标准的通知');
    expect(column.body).not.toContain('政策解读</a>');
    expect((await get(`/agencies/${CODE}/gongkai/catalog?category=a20.99`)).statusCode).toBe(400);
    const past = await get(`/agencies/${CODE}/gongkai/catalog?category=a20.7&page=99999`);
    expect(past.statusCode).toBe(303);
    expect(past.headers.location).toBe(`/agencies/${CODE}/gongkai/catalog?category=a20.7&page=2`);
    for (const page of ['0', '-1', 'x1'])
      expect(
        (await get(`/agencies/${CODE}/gongkai/catalog?category=a20.7&page=${page}`)).headers.location,
      ).toBe(`/agencies/${CODE}/gongkai/catalog?category=a20.7`);
    expect((await get(`/agencies/${CODE}/gongkai/catalog?category=a20.7&column=nope`)).statusCode).toBe(404);
  });

  it('renders an item with its metadata table, body and interpretation link', async () => {
    const res = await get(`/agencies/${CODE}/items/${ids.policy}`);
    expect(res.statusCode).toBe(200);
    for (const label of ['索引号', '文号', '发布日期', '有效性', '成文日期'])
      expect(res.body).toContain(`<th scope="row">${label}</th>`);
    expect(res.body).toContain('<td>临发〔2021〕5号</td>');
    expect(res.body).toContain('<td>有效</td>');
    expect(res.body).toContain('<p>各镇街：现将最低生活保障标准调整如下。</p>');
    expect(res.body).toContain('<h2>政策解读</h2>');
    expect(res.body).toContain(`/agencies/${CODE}/items/${ids.interpretation}`);
    const interpretation = await get(`/agencies/${CODE}/items/${ids.interpretation}`);
    expect(interpretation.body).toContain('<h2>所解读的政策文件</h2>');
  });

  it('escapes a hostile title on its page and in lists', async () => {
    for (const url of [
      `/agencies/${CODE}/items/${ids.hostile}`,
      `/agencies/${CODE}/gongkai/catalog?category=a20.2`,
      `/search?q=${encodeURIComponent('低保')}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('<script');
      expect(res.body, url).toContain('&lt;script&gt;');
    }
  });

  it('searches with highlighted snippets, filters and pagination', async () => {
    const res = await get(`/search?q=${encodeURIComponent('最低生活保障')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<mark>');
    expect(res.body).toContain(`<a href="/agencies/${CODE}/items/${ids.policy}">`);
    expect(res.body).toContain('<label for="s-q">检索词</label>');
    expect(unlabelledFields(res.body)).toEqual([]);
    const budget = await get(`/search?q=${encodeURIComponent('部门预算')}&category=a20.7`);
    expect(budget.body).toMatch(/共找到23条信息，按相关度排序，第1\/3页/);
    expect(budget.body).toContain('rel="next"');
    expect(budget.body).toContain('category=a20.7&amp;page=2');
    const third = await get(`/search?q=${encodeURIComponent('部门预算')}&category=a20.7&page=3`);
    expect(third.body.match(/<article class="hit">/g)).toHaveLength(3);
    const bad = await get(`/search?q=${encodeURIComponent('部门预算')}&year=21&category=x`);
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('发布年份应为四位数字');
    expect(bad.body).toContain('公开类别无效');
    expect((await get('/search')).body).toContain('请输入检索词');
  });

  it('keeps headings in order, with a skip link and landmarks, on every page', async () => {
    for (const url of [
      '/',
      '/gongkai',
      `/agencies/${CODE}/gongkai/guide`,
      `/agencies/${CODE}/gongkai/catalog`,
      `/agencies/${CODE}/gongkai/catalog?category=a20.7`,
      `/agencies/${CODE}/items/${ids.policy}`,
      `/search?q=${encodeURIComponent('低保')}`,
      '/reports',
      '/track',
      '/deadline?from=2021-06-01',
      `/agencies/${CODE}/apply`,
    ]) {
      const res = await get(url);
      expect(headingJumps(res.body), url).toEqual([]);
      expect(res.body, url).toContain('<a class="skip" href="#main">跳到正文</a>');
      expect(res.body, url).toContain('<main id="main"');
      expect(res.body, url).toContain('<header class="band">');
      expect(res.body, url).toContain('<nav class="nav" aria-label="主导航">');
      expect(res.body, url).not.toMatch(/<script|style="/);
    }
  });

  it('stops showing an item as soon as it is withdrawn, though its page was cached', async () => {
    const id = await publishTestItem(app, CODE, { title: '即将撤回的信息', category: 'a20.2' });
    expect((await get(`/agencies/${CODE}/items/${id}`)).statusCode).toBe(200);
    const headers = { 'x-gongkai-user': `${CODE}-operator` };
    const url = `/api/v1/agencies/${CODE}/items/${id}`;
    const { version } = (await app.inject({ url, headers })).json();
    const withdrawn = await app.inject({
      method: 'POST',
      url: `${url}/withdraw`,
      headers,
      payload: { expectedVersion: version, reason: '内容有误' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const gone = await get(`/agencies/${CODE}/items/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('未找到该信息，它可能尚未发布或已撤回。');
  });

  it('lists a newly published item at once on its category page and the home page, though both were cached', async () => {
    const list = `/agencies/${CODE}/gongkai/catalog?category=a20.7`;
    const title = '2021年部门决算公开（刚发布）';
    expect((await get(list)).body).not.toContain(title);
    expect((await get('/')).body).not.toContain(title);
    const id = await publishTestItem(app, CODE, { title, category: 'a20.7' });
    expect((await get(list)).body).toContain(title);
    expect((await get('/')).body).toContain(title);
    expect((await get(`/agencies/${CODE}/items/${id}`)).statusCode).toBe(200);
  });

  it('answers 404 pages in the portal layout for unknown items and agencies', async () => {
    for (const url of [
      `/agencies/${CODE}/items/999999`,
      '/agencies/nosuch/gongkai',
      `/agencies/${CODE}/items/x`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('出错了');
    }
  });

  it('lists every public page in sitemap.xml, with lastmod, and every section on the 网站地图 page', async () => {
    const xml = await get('/sitemap.xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    expect(xml.body).toMatch(
      new RegExp(
        `<url><loc>http://localhost(:\\d+)?/agencies/${CODE}/items/${ids.policy}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod></url>`,
      ),
    );
    expect(xml.body).toContain(`/agencies/${CODE}/gongkai/catalog?category=a20.7</loc>`);
    expect(xml.body).toContain(`/agencies/${CODE}/gongkai/normative</loc>`);
    expect(xml.body.trim().endsWith('</urlset>')).toBe(true);
    const map = await get('/sitemap');
    expect(map.body).toContain('<h1>网站地图</h1>');
    expect(map.body).toContain(`<a href="/agencies/${CODE}/gongkai/guide">政府信息公开指南</a>`);
    expect(map.body).toContain(`<a href="/agencies/${CODE}/gongkai/catalog?category=a20.7">`);
    expect((await get('/robots.txt')).body).toContain('Disallow: /api/');
    const icon = await get('/favicon.ico');
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect(icon.rawPayload.readUInt16LE(2)).toBe(1);
  });

  it('writes the government-site meta tags, an article’s on item pages, and the footer on every page', async () => {
    const item = await get(`/agencies/${CODE}/items/${ids.policy}`);
    expect(item.body).toContain('<meta name="SiteName" content="');
    expect(item.body).toContain(
      '<meta name="ColumnName" content="（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况">',
    );
    expect(item.body).toContain(
      '<meta name="ArticleTitle" content="关于调整城乡居民最低生活保障标准的通知">',
    );
    expect(item.body).toMatch(/<meta name="PubDate" content="\d{4}-\d{2}-\d{2}">/);
    expect(item.body).toContain('<meta name="Keywords" content="社会保障,');
    expect(item.body).toMatch(
      new RegExp(`<meta name="Url" content="http://localhost(:\\d+)?/agencies/${CODE}/items/${ids.policy}">`),
    );
    for (const url of [
      '/',
      '/gongkai',
      `/agencies/${CODE}/gongkai/catalog`,
      '/search',
      '/track',
      '/sitemap',
    ]) {
      const page = await get(url);
      expect(page.body, url).toContain('<meta name="ColumnType"');
      expect(page.body, url).toContain('<a href="/sitemap">网站地图</a>');
      expect(page.body, url).toContain('<link rel="icon" href="/favicon.ico">');
      expect(page.body, url).not.toContain('ArticleTitle');
    }
  });

  it('answers an unknown page in Chinese only, without the method or the path', async () => {
    for (const url of ['/nothing-here', `/agencies/${CODE}/gongkai/nothing`, '/agencies/nosuch/items/1']) {
      const res = await get(url, { accept: 'text/html' });
      expect(res.statusCode, url).toBe(404);
      const text = res.body.replace(/<[^>]+>/g, ' ');
      expect(text, url).not.toMatch(/GET|nothing|Not Found/);
      expect(res.body, url).toContain('<a href="/sitemap">网站地图</a>');
    }
  });

  it('serves the stylesheet with long caching and the report list', async () => {
    const css = await get(STYLESHEET_URL);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('immutable');
    expect((await get('/reports')).body).toContain('<h1>政府信息公开工作年度报告</h1>');
  });

  it('switches to the larger-text mode by a cookie link, and by the query without cookies', async () => {
    const set = await get(`/text-size?mode=large&back=${encodeURIComponent('/search?q=低保')}`);
    expect(set.statusCode).toBe(303);
    expect(set.headers['set-cookie']).toContain('gk_text=large');
    expect(set.headers.location).toBe(`/search?q=${encodeURIComponent('低保')}&text=large`);
    expect((await get('/', { cookie: 'gk_text=large' })).body).toContain('<html lang="zh-CN" class="large">');
    expect((await get('/?text=large')).body).toContain('class="large"');
    expect((await get('/')).body).not.toContain('class="large"');
    const away = await get('/text-size?mode=large&back=//evil.example/');
    expect(away.headers.location).toBe('/?text=large');
    for (const back of ['/.//evil.example', '/./%2e//evil.example', '/x/..//evil.example']) {
      const res = await get(`/text-size?mode=large&back=${encodeURIComponent(back)}`);
      expect(res.headers.location, back).toBe('/?text=large');
    }
  });
});
