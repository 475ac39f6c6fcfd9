import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { headingJumps, portalServer, publishTestItem } from '../testing.ts';

const CODE = 'portaldoc';
const LIST = `/agencies/${CODE}/gongkai/normative`;

describeEachDatabase('portal: a normative document’s page (text, versions, 解读)', (use) => {
  let app: FastifyInstance;
  let first: number;
  let second: number;
  let bare: number;
  const staff = async (method: 'POST' | 'PUT', url: string, payload: object, who = 'operator') => {
    const res = await app.inject({
      method,
      url: `/api/v1/agencies/${CODE}${url}`,
      headers: { 'x-gongkai-user': `${CODE}-${who}` },
      payload,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: number; version: number };
  };

  beforeAll(async () => {
    app = await portalServer(use(), CODE, new Date('2021-06-10T02:00:00Z'));
    const text = await publishTestItem(app, CODE, {
      title: '关于停车收费的规定',
      docNumber: '临管发〔2021〕2号',
      bodyHtml: '<p>第一条 为规范停车收费，制定本规定。</p>',
      isPolicyDocument: true,
    });
    const interpretation = await publishTestItem(app, CODE, {
      title: '《关于停车收费的规定》政策解读',
      isInterpretation: true,
    });
    const { version } = (
      await app.inject({
        url: `/api/v1/agencies/${CODE}/items/${interpretation}`,
        headers: { 'x-gongkai-user': `${CODE}-operator` },
      })
    ).json();
    await staff('POST', `/items/${interpretation}/policy`, { expectedVersion: version, policyItemId: text });
    first = (
      await staff('POST', '/registry/documents', {
        kind: 'normative',
        docNumber: '临管发〔2020〕2号',
        title: '关于停车收费的规定',
        issuedOn: '2020-05-01',
      })
    ).id;
    second = (
      await staff('POST', `/registry/documents/${first}/amend`, {
        issuedOn: '2021-04-01',
        title: '关于停车收费的规定（修订）',
        docNumber: '临管发〔2021〕2号',
        itemId: text,
      })
    ).id;
    bare = (
      await staff('POST', '/registry/documents', {
        kind: 'normative',
        docNumber: '临管发〔2021〕5号',
        title: '关于<b>占道</b>经营的规定',
        issuedOn: '2021-05-01',
      })
    ).id;
  });
  afterAll(() => app.close());

  it('links each title of the list to its page', async () => {
    const list = (await app.inject({ url: LIST })).body;
    expect(list).toContain(`<a href="${LIST}/${second}">关于停车收费的规定（修订）</a>`);
    expect(list).toContain(`<a href="${LIST}/${bare}">关于&lt;b&gt;占道&lt;/b&gt;经营的规定</a>`);
  });

  it('shows the current version: its metadata, the text of its item, its 解读 and its versions', async () => {
    const res = await app.inject({ url: `${LIST}/${second}` });
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('<tr><th scope="row">文号</th><td>临管发〔2021〕2号</td></tr>');
    expect(page).toContain('<tr><th scope="row">施行日期</th><td>2021-04-01</td></tr>');
    expect(page).toContain('<tr><th scope="row">有效性</th><td>现行有效</td></tr>');
    expect(page).toContain('<tr><th scope="row">成文日期</th><td>2021-03-01</td></tr>');
    expect(page).toContain('<p>第一条 为规范停车收费，制定本规定。</p>');
    expect(page).toContain('《关于停车收费的规定》政策解读');
    expect(page).toContain(
      `<a href="${LIST}/${first}">第1版：临管发〔2020〕2号 关于停车收费的规定（2020-05-01施行，已修改）</a>`,
    );
    expect(page).toContain('<span aria-current="page">第2版');
    expect(headingJumps(page)).toEqual([]);
    expect(page).not.toMatch(/<script|style="/);
  });

  it('marks an amended version as replaced, linking the new one', async () => {
    const page = (await app.inject({ url: `${LIST}/${first}` })).body;
    expect(page).toContain(`已修改（2021-04-01起由<a href="${LIST}/${second}">第2版</a>取代）`);
  });

  it('without a published text says how to obtain it, and escapes the title', async () => {
    const page = (await app.inject({ url: `${LIST}/${bare}` })).body;
    expect(page).toContain('本文件的正文尚未在本网站发布');
    expect(page).toContain('关于&lt;b&gt;占道&lt;/b&gt;经营的规定');
    expect(page).not.toContain('政策解读</h2>');
  });

  it('answers 404 for another agency’s or no document', async () => {
    const res = await app.inject({ url: `${LIST}/999999` });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('未找到该规范性文件');
  });
});
