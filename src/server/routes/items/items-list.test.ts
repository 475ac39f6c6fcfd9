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
