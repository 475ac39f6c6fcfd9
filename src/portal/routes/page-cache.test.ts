import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { EMPTY_SITE_SETTINGS } from '../../domain/site/settings.ts';
import { portalServer, publishTestItem } from '../testing.ts';

const CODE = 'keptzone';

/** The whole pages the portal keeps (page-cache.ts): the same bytes, and changes shown at once. */
describeEachDatabase('portal pages kept whole', (use) => {
  let app: FastifyInstance;
  let itemId: number;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
  const admin = { 'x-gongkai-user': `${CODE}-admin` };

  beforeAll(async () => {
    app = await portalServer(use(), CODE, new Date('2021-06-10T02:00:00Z'));
    itemId = await publishTestItem(app, CODE, { title: '关于开展防汛演练的通知', category: 'a20.13' });
  });
  afterAll(() => app.close());

  it('answers a kept page with the same bytes and an ETag, 304 to a browser that has it', async () => {
    const url = `/agencies/${CODE}/items/${itemId}`;
    const first = await get(url);
    const second = await get(url);
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=60',
      vary: 'Cookie',
      etag: first.headers.etag,
    });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const unchanged = await get(url, { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('keeps the larger-text page apart, by cookie or query', async () => {
    const url = `/agencies/${CODE}/gongkai/catalog?category=a20.13`;
    const plain = await get(url);
    const large = await get(url, { cookie: 'gk_text=large' });
    expect(plain.body).not.toContain('class="large"');
    expect(large.body).toContain('<html lang="zh-CN" class="large">');
    expect(large.headers.etag).not.toBe(plain.headers.etag);
    expect((await get(url)).body).toBe(plain.body);
    expect((await get(`${url}&text=large`)).body).toContain('<html lang="zh-CN" class="large">');
  });

  it('shows saved site settings at once on kept pages', async () => {
    const url = `/agencies/${CODE}/items/${itemId}`;
    expect((await get(url)).body).not.toContain('防汛演练网站');
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/agencies/${CODE}/site-settings`,
      headers: admin,
      payload: { ...EMPTY_SITE_SETTINGS, siteName: '防汛演练网站' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await get(url)).body).toContain('<meta name="SiteName" content="防汛演练网站">');
  });

  it('finds a newly published item at once with a search whose page was kept', async () => {
    const url = `/search?q=${encodeURIComponent('抗旱')}`;
    const before = await get(url);
    expect(before.statusCode).toBe(200);
    const id = await publishTestItem(app, CODE, { title: '关于做好抗旱保供工作的通知', category: 'a20.13' });
    expect(before.body).not.toContain(`/agencies/${CODE}/items/${id}"`);
    expect((await get(url)).body).toContain(`/agencies/${CODE}/items/${id}"`);
  });

  it('redirects a page past the end each time, kept or not', async () => {
    const url = `/agencies/${CODE}/gongkai/catalog?category=a20.13&page=99`;
    for (let n = 0; n < 2; n++) {
      const moved = await get(url);
      expect(moved.statusCode).toBe(303);
      // the last page, the first here: its address without a page
      expect(moved.headers.location).toBe(`/agencies/${CODE}/gongkai/catalog?category=a20.13`);
    }
  });
});
