import { expect, it } from 'vitest';
import { loadDemo } from '../src/commands/load-demo.ts';
import { testContext } from '../src/commands/testing-context.ts';
import { DEMO_PLANS } from '../src/demo/lingang.ts';
import { demoRuleRows } from '../src/demo/lingang-guide.ts';
import { NEAR_IDENTICAL, titleLikeness } from '../src/domain/items/related-titles.ts';
import { loadItemPage, RELATED_ITEMS } from '../src/portal/queries/item-page.ts';
import { publicSearch } from '../src/search/public-search.ts';
import { describeEachDatabase } from './databases.ts';

describeEachDatabase('the demo agency’s published items', (use) => {
  it('are the publication records the report counts: a website row per item, postings per channel', async () => {
    const loaded = await loadDemo(testContext(use(), { actor: { username: 'gongkai demo' } }));
    expect(loaded.ok).toBe(true);
    const plan2021 = DEMO_PLANS.find((p) => p.year === 2021);
    const websiteRows = DEMO_PLANS.reduce((sum, p) => sum + (p.channels.website ?? 0), 0);
    // and the 公开制度 items (src/demo/lingang-guide.ts), published in 2022
    expect(loaded.items).toBe(websiteRows + demoRuleRows().length);
    const db = use().kysely;
    const items = await db
      .selectFrom('items')
      .select((eb) => [eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'published')
      .where('published_on', '>=', '2021-01-01')
      .where('published_on', '<=', '2021-12-31')
      .executeTakeFirstOrThrow();
    expect(Number(items.n)).toBe(plan2021?.channels.website);
    const channels = await db
      .selectFrom('publications')
      .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where('published_on', '>=', '2021-01-01')
      .where('published_on', '<=', '2021-12-31')
      .where('item_id', 'is not', null)
      .groupBy('channel')
      .execute();
    expect(Object.fromEntries(channels.map((c) => [c.channel, Number(c.n)]))).toEqual(plan2021?.channels);
  });

  it('count in the 2021 report the demo publishes as version 1, frozen on 2022-01-28', async () => {
    const versions = await use()
      .kysely.selectFrom('annual_report_versions')
      .select(['year', 'version', 'published_on', 'snapshot'])
      .execute();
    expect(versions.map((v) => [v.year, v.version, v.published_on])).toEqual([[2021, 1, '2022-01-28']]);
    const frozen = JSON.parse(versions[0]?.snapshot ?? '{}') as {
      report: { cells: Record<string, unknown> };
    };
    expect(frozen.report.cells['t2.license.decisions']).toBe(5416);
    expect(frozen.report.cells['t3.new.total']).toBe(6);
  });

  it('link each 2021 policy document with its interpretation, both ways', async () => {
    const policies = await use()
      .kysely.selectFrom('items as i')
      .innerJoin('items as p', 'p.id', 'i.interprets_item_id')
      .select(['p.title as policy', 'i.title as interpretation'])
      .where('p.published_on', '>=', '2021-01-01')
      .execute();
    expect(policies).toHaveLength(18);
    for (const { policy, interpretation } of policies) expect(interpretation).toBe(`《${policy}》政策解读`);
  });

  it('are found by a search for 低保, title matches first and highlighted', async () => {
    const result = await publicSearch(use(), { text: '低保', agency: 'lingang', limit: 20, offset: 0 });
    expect(result?.total).toBeGreaterThan(100);
    expect(result?.hits).toHaveLength(20);
    for (const hit of result?.hits ?? []) {
      expect(hit.title).toContain('低保');
      expect(hit.titleHtml).toContain('<mark>低保</mark>');
    }
    const phrase = await publicSearch(use(), {
      text: '"城乡低保对象动态管理"',
      agency: 'lingang',
      limit: 5,
      offset: 0,
    });
    const policy = '关于进一步加强城乡低保对象动态管理的实施意见';
    expect(phrase?.hits.map((h) => h.title).sort()).toEqual([policy, `《${policy}》政策解读`].sort());
  });

  it('list related items that differ from the item and from each other, not the same notice of other months', async () => {
    const db = use();
    const agency = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    const items = await db.kysely
      .selectFrom('items')
      .select(['id', 'title'])
      .where('agency_id', '=', agency.id)
      .where((eb) =>
        eb.or([
          eb('title', 'like', '%行政处罚决定公示'),
          eb('title', 'like', '%安全生产工作简报%'),
          eb('title', 'like', '%城乡低保资金发放情况公示'),
        ]),
      )
      .orderBy('id')
      .limit(6)
      .execute();
    expect(items.length).toBe(6);
    let shown = 0;
    for (const item of items) {
      const page = await loadItemPage(db, agency.id, item.id);
      const titles = page?.related.map((r) => r.title) ?? [];
      shown += titles.length;
      expect(titles.length).toBeLessThanOrEqual(RELATED_ITEMS);
      for (const [n, title] of titles.entries()) {
        expect(titleLikeness(title, item.title)).toBeLessThan(NEAR_IDENTICAL);
        for (const before of titles.slice(0, n))
          expect(titleLikeness(title, before)).toBeLessThan(NEAR_IDENTICAL);
      }
    }
    expect(shown).toBeGreaterThan(0);
  });
});
