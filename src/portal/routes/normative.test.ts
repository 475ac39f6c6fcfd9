import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { headingJumps, portalServer } from '../testing.ts';

const CODE = 'portalnorm';
const PAGE = `/agencies/${CODE}/gongkai/normative`;

describeEachDatabase('portal: the normative documents in force', (use) => {
  let app: FastifyInstance;
  const staff = async (url: string, payload: object) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${CODE}/registry${url}`,
      headers: { 'x-gongkai-user': `${CODE}-operator` },
      payload,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: number };
  };
  const issue = (docNumber: string, title: string, issuedOn: string) =>
    staff('/documents', { kind: 'normative', docNumber, title, issuedOn });

  beforeAll(async () => {
    app = await portalServer(use(), CODE, new Date('2021-06-10T02:00:00Z'));
    await issue('临管发〔2020〕1号', '关于<b>物业</b>管理的规定', '2020-03-01');
    const amended = await issue('临管发〔2020〕2号', '关于停车收费的规定', '2020-05-01');
    const repealed = await issue('临管发〔2020〕3号', '关于占道经营的规定', '2020-07-01');
    await issue('临管发〔2021〕9号', '关于未来事项的规定', '2021-06-10');
    await staff(`/documents/${amended.id}/amend`, {
      issuedOn: '2021-04-01',
      title: '关于停车收费的规定（修订）',
    });
    await staff(`/documents/${repealed.id}/repeal`, {
      repealedOn: '2021-05-01',
      repealedBy: '临管发〔2021〕3号',
    });
  });
  afterAll(() => app.close());

  it('lists what is in force today: amended as its new version, repealed gone, titles escaped', async () => {
    const res = await app.inject({ url: PAGE });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('截至 2021-06-10');
    expect(res.body).toContain('共 3 件');
    expect(res.body).toMatch(
      /<a href="\/agencies\/portalnorm\/gongkai\/normative\/\d+">关于停车收费的规定（修订）<\/a><br><span class="muted">第2版（修订）<\/span>/,
    );
    expect(res.body).not.toContain('关于停车收费的规定<');
    expect(res.body).not.toContain('关于占道经营的规定');
    expect(res.body).toContain('关于&lt;b&gt;物业&lt;/b&gt;管理的规定');
    expect(res.body).toContain(`<a href="${PAGE}" aria-current="page">现行有效规范性文件</a>`);
    expect(headingJumps(res.body)).toEqual([]);
    expect(res.body).not.toMatch(/<script|style="/);
  });

  it('sends a page number that is not one to the first page, and one past the end to the last', async () => {
    for (const page of ['0', '-2', 'abc']) {
      const res = await app.inject({ url: `${PAGE}?page=${page}` });
      expect(res.statusCode, page).toBe(303);
      expect(res.headers.location, page).toBe(PAGE);
    }
    const far = await app.inject({ url: `${PAGE}?page=99999` });
    expect(far.statusCode).toBe(303);
    expect(far.headers.location).toBe(PAGE);
  });

  it('answers 404 for an unknown agency', async () => {
    const res = await app.inject({ url: '/agencies/nosuch/gongkai/normative' });
    expect(res.statusCode).toBe(404);
  });
});
