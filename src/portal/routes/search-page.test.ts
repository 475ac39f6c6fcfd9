import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../test/databases.ts';
import { buildServer } from '../../server/app.ts';

/** The portal's search over the demo agency: everything public, facets, suggestions. */
describeEachWithDemo('the portal search page', (use) => {
  let app: FastifyInstance;
  const page = async (query: string) => {
    const res = await app.inject({ url: `/search?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };
  const q = (text: string, more = '') => page(`q=${encodeURIComponent(text)}${more}`);
  /** the titles of the hits, in order, tags dropped */
  const hitTitles = (body: string) =>
    [...body.matchAll(/<article class="hit"><h2>.*?<a [^>]*>(.*?)<\/a><\/h2>/g)].map((m) =>
      m[1].replace(/<[^>]+>/g, ''),
    );
  const pagesFound = (body: string) =>
    [...body.matchAll(/<section class="pages-found".*?<\/section>/gs)].map((m) =>
      m[0].replace(/<[^>]+>/g, '|'),
    );

  beforeAll(async () => {
    app = await buildServer({ db: use() });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds a normative document by its 文号 typed with any brackets, as the top result', async () => {
    const doc = await use()
      .kysely.selectFrom('normative_documents')
      .select(['doc_number', 'title'])
      .where('doc_number', 'like', '威临管发〔%')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [, year, n] = /〔(\d{4})〕(\d+)号/.exec(doc.doc_number) ?? [];
    for (const typed of [
      doc.doc_number,
      `威临管发[${year}]${n}号`,
      `威临管发(${year})${n}号`,
      `威临管发【${year}】${n}号`,
      `威临管发（${year}）${n}号`,
    ]) {
      const found = pagesFound(await q(typed));
      expect(found.length, typed).toBe(1);
      expect(found[0]).toContain('规范性文件');
      expect(found[0]).toContain(doc.title);
      expect(found[0]).toContain(doc.doc_number);
    }
  });

  it('finds an item by its 索引号 exactly, in any case', async () => {
    const item = await use()
      .kysely.selectFrom('items')
      .select(['id', 'title', 'index_no'])
      .where('status', '=', 'published')
      .where('index_no', 'is not', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const body = await q(String(item.index_no).toLowerCase());
    const found = pagesFound(body);
    expect(found[0]).toContain('索引号');
    expect(found[0]).toContain(item.title);
    expect(body).toContain(`/agencies/lingang/items/${item.id}`);
  });

  it('finds annual reports by year and agency, and the guide by its words', async () => {
    const report = await use()
      .kysely.selectFrom('annual_report_versions')
      .select('year')
      .orderBy('year')
      .executeTakeFirstOrThrow();
    const reports = pagesFound(await q(`${report.year}年 年度报告 临港`));
    expect(reports[0]).toContain('年度报告');
    expect(reports[0]).toContain(`${report.year}年政府信息公开工作年度报告`);
    const guide = pagesFound(await q('公开指南'));
    expect(guide[0]).toContain('公开指南');
    expect(guide[0]).toContain('政府信息公开指南');
    // the guide's own words: how to apply
    expect(pagesFound(await q('如何申请政府信息公开'))[0]).toContain('政府信息公开指南');
    expect(pagesFound(await q('公开制度'))[0]).toContain('政府信息公开制度');
  });

  it('a long question: all its words first, then most; the stop words said', async () => {
    const body = await q('我想了解临港城乡低保的申请条件');
    expect(body).toContain('已略去不影响检索的词：我想、了解');
    expect(hitTitles(body).length).toBeGreaterThan(0);
    expect(body).toMatch(/共找到\d+条(以上)?信息/);
  });

  it('shows the type of each hit and facet counts as filter links', async () => {
    const body = await q('低保');
    expect(body).toMatch(/<article class="hit"><h2><span class="kind">(政策文件|政策解读|其他信息)<\/span>/);
    const facet =
      /<a href="(\/search\?[^"]*year=(\d{4})[^"]*)">\2年<span class="count">(\d+)<\/span><\/a>/.exec(body);
    expect(facet).not.toBeNull();
    const [, href, year, count] = facet ?? [];
    const filtered = await page(href.replaceAll('&amp;', '&').replace('/search?', ''));
    expect(filtered).toContain(`共找到${count}条信息`);
    expect(filtered).toContain(
      `<strong aria-current="true">${year}年<span class="count">${count}</span></strong>`,
    );
    expect(body).toMatch(/<h2>文件类型<\/h2>/);
    expect(body).toMatch(/<h2>公开类别<\/h2>/);
  });

  it('sorts by date when asked', async () => {
    const body = await q('通知', '&sort=date');
    const dates = [...body.matchAll(/发布日期：(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(body).toContain('按发布日期排序');
    expect(body).toContain('<option value="date" selected>按发布日期</option>');
  });

  it('suggests what a typo meant: 底保 → 低保', async () => {
    const body = await q('底保');
    expect(body).toContain('您是不是要找：<a href="/search?q=%E4%BD%8E%E4%BF%9D">低保</a>');
  });
});
