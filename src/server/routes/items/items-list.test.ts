import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

describeEachWithDemo('the staff item list: words of the title or 文号, policy documents', (use) => {
  let app: FastifyInstance;
  let headers: Record<string, string> = {};
  const list = async (query: string) => {
    const res = await app.inject({ url: `/api/v1/agencies/lingang/items?limit=200&${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      total: number;
      items: Array<{ id: number; title: string; docNumber: string | null; isPolicyDocument: boolean }>;
    };
  };

  beforeAll(async () => {
    app = await buildServer({ db: use(), signInLimits: { perIpPerMinute: 1000 } });
    await app.ready();
    headers = (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers;
  });
  afterAll(() => app.close());

  it('lists only policy documents, or only the others', async () => {
    const all = await list('');
    const policies = await list('policyDocument=true');
    const others = await list('policyDocument=false');
    expect(policies.total).toBeGreaterThan(0);
    expect(policies.items.every((i) => i.isPolicyDocument)).toBe(true);
    expect(others.items.every((i) => !i.isPolicyDocument)).toBe(true);
    expect(policies.total + others.total).toBe(all.total);
  });

  it('finds items by words of the title or the 文号, with % and _ taken literally', async () => {
    const { items } = await list('policyDocument=true');
    const title = items[0].title;
    const words = title.slice(1, 5);
    const found = await list(`q=${encodeURIComponent(words)}`);
    expect(found.items.map((i) => i.id)).toContain(items[0].id);
    expect(found.items.every((i) => i.title.includes(words) || i.docNumber?.includes(words))).toBe(true);
    const withNumber = items.find((i) => i.docNumber);
    if (withNumber?.docNumber) {
      const byNumber = await list(`q=${encodeURIComponent(withNumber.docNumber)}`);
      expect(byNumber.items.map((i) => i.id)).toContain(withNumber.id);
    }
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
  });

  it('refuses a bad filter in Chinese', async () => {
    const res = await app.inject({ url: '/api/v1/agencies/lingang/items?policyDocument=yes', headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('“政策文件”筛选应为 true 或 false');
  });
});

type Row = {
  id: number;
  title: string;
  indexNo: string | null;
  status: string;
  formedOn: string;
  publishedOn: string | null;
  isPolicyDocument: boolean;
  isInterpretation: boolean;
};

describeEachWithDemo('the staff item list: 索引号, kind, channel, order, pages', (use) => {
  let app: FastifyInstance;
  let agencyId = 0;
  let headers: Record<string, string> = {};
  const list = async (query: string) => {
    const res = await app.inject({ url: `/api/v1/agencies/lingang/items?limit=200&${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: Row[] };
  };

  beforeAll(async () => {
    app = await buildServer({ db: use(), signInLimits: { perIpPerMinute: 1000 } });
    await app.ready();
    headers = (await signInAs(app, 'lingang-reviewer', 'demo-reviewer-2021')).headers;
    const agency = await use()
      .kysely.selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    agencyId = agency.id;
  });
  afterAll(() => app.close());

  it('finds an item by its 索引号', async () => {
    const { items } = await list('status=published');
    const withIndex = items.find((i) => i.indexNo);
    expect(withIndex?.indexNo).toBeTruthy();
    const found = await list(`q=${encodeURIComponent(withIndex?.indexNo ?? '')}`);
    expect(found.items.map((i) => i.id)).toEqual([withIndex?.id]);
  });

  it.each([
    ['policy', (i: Row) => i.isPolicyDocument],
    ['interpretation', (i: Row) => i.isInterpretation],
    ['other', (i: Row) => !i.isPolicyDocument && !i.isInterpretation],
  ])('lists the items of kind %s only', async (type, isOfKind) => {
    const counts = await Promise.all(
      ['policy', 'interpretation', 'other'].map(async (t) => (await list(`type=${t}`)).total),
    );
    const both = await use()
      .kysely.selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_policy_document', '=', 1)
      .where('is_interpretation', '=', 1)
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    // every item is of one kind, but an item both a policy document and its interpretation counts twice
    expect(counts.reduce((a, b) => a + b, 0)).toBe((await list('')).total + Number(both.n));
    const ofKind = await list(`type=${type}`);
    expect(ofKind.total).toBeGreaterThan(0);
    expect(ofKind.items.every(isOfKind)).toBe(true);
  });

  it('lists the items posted on a channel, and none on a channel nobody posted on', async () => {
    const db = use();
    const posted = await db.kysely
      .selectFrom('publications')
      .innerJoin('agencies', 'agencies.id', 'publications.agency_id')
      .select(['publications.channel', 'publications.item_id'])
      .where('agencies.code', '=', 'lingang')
      .where('publications.item_id', 'is not', null)
      .execute();
    expect(posted.length).toBeGreaterThan(0);
    const channel = posted[0].channel;
    const expected = new Set(posted.filter((p) => p.channel === channel).map((p) => p.item_id));
    const found = await list(`channel=${encodeURIComponent(channel)}`);
    expect(found.total).toBe(expected.size);
    expect(found.items.every((i) => expected.has(i.id))).toBe(true);
    expect((await list('channel=nowhere')).total).toBe(0);
  });

  it.each([
    ['published', (i: Row) => i.publishedOn ?? ''],
    ['formed', (i: Row) => i.formedOn],
  ])('sorts by %s, newest first, undated last', async (sort, key) => {
    const { items } = await list(`sort=${sort}`);
    const keys = items.map(key);
    const dated = keys.filter((k) => k !== '');
    expect(dated).toEqual([...dated].sort().reverse());
    expect(keys.slice(dated.length).every((k) => k === '')).toBe(true);
  });

  it('sorts by title in character order', async () => {
    const { items } = await list('sort=title');
    const titles = items.map((i) => i.title);
    const byCodePoint = (a: string, b: string) => {
      const [x, y] = [[...a], [...b]];
      for (let k = 0; k < Math.min(x.length, y.length); k++) {
        const d = (x[k].codePointAt(0) ?? 0) - (y[k].codePointAt(0) ?? 0);
        if (d !== 0) return d;
      }
      return x.length - y.length;
    };
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toEqual([...titles].sort(byCodePoint));
  });

  it('pages on the server: the pages of a filter put together are the whole list', async () => {
    const whole = await list('sort=formed');
    const pages: number[] = [];
    expect(whole.total).toBeGreaterThan(40);
    for (let offset = 0; offset < whole.items.length; offset += 40) {
      const res = await app.inject({
        url: `/api/v1/agencies/lingang/items?sort=formed&limit=40&offset=${offset}`,
        headers,
      });
      const page = res.json() as { total: number; items: Row[] };
      expect(page.total).toBe(whole.total);
      pages.push(...page.items.map((i) => i.id));
    }
    expect(pages).toEqual(whole.items.map((i) => i.id));
  });

  it.each([
    ['type=law', '“类型”筛选'],
    ['sort=size', '“排序”'],
    ['status=lost', '“状态”筛选'],
  ])('refuses %s in Chinese, naming the filter', async (query, named) => {
    const res = await app.inject({ url: `/api/v1/agencies/lingang/items?${query}`, headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(named);
  });
});
