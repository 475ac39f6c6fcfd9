import { describe, expect, it } from 'vitest';
import { fileRange, planSitemap, robotsTxt, sitemapIndex, urlElement, xmlEscape } from './sitemap.ts';

describe('planSitemap', () => {
  it.each([
    ['an empty site', 0, { kind: 'urlset' }],
    ['the demo agency (7,325 items and its pages)', 7500, { kind: 'urlset' }],
    ['exactly the limit', 50_000, { kind: 'urlset' }],
    ['one over the limit: an index of two', 50_001, { kind: 'index', files: 2 }],
    ['120,000 URLs: three files', 120_000, { kind: 'index', files: 3 }],
  ])('%s', (_situation, total, plan) => {
    expect(planSitemap(total)).toEqual(plan);
  });
});

describe('fileRange', () => {
  it.each([
    [
      'the first file: the fixed pages, then items',
      1,
      30,
      250,
      100,
      { fixedFrom: 0, fixedTo: 30, skipItems: 0, takeItems: 70 },
    ],
    [
      'the second file: items only',
      2,
      30,
      250,
      100,
      { fixedFrom: 30, fixedTo: 30, skipItems: 70, takeItems: 100 },
    ],
    [
      'the last file: what is left',
      3,
      30,
      250,
      100,
      { fixedFrom: 30, fixedTo: 30, skipItems: 170, takeItems: 50 },
    ],
    [
      'fixed pages spilling into the second file',
      2,
      150,
      250,
      100,
      { fixedFrom: 100, fixedTo: 150, skipItems: 0, takeItems: 50 },
    ],
  ])('%s', (_situation, file, fixed, total, limit, range) => {
    expect(fileRange(file, fixed, total, limit)).toEqual(range);
  });

  it('covers every URL exactly once across the files', () => {
    const fixed = 37;
    const total = 1234;
    let fixedSeen = 0;
    let itemsSeen = 0;
    for (const file of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]) {
      const r = fileRange(file, fixed, total, 100);
      expect(r.skipItems).toBe(itemsSeen);
      fixedSeen += r.fixedTo - r.fixedFrom;
      itemsSeen += r.takeItems;
    }
    expect(fixedSeen).toBe(fixed);
    expect(itemsSeen).toBe(total - fixed);
  });
});

describe('the XML', () => {
  it('escapes a location and keeps the day of lastmod', () => {
    expect(
      urlElement('https://gk.example.gov.cn', { path: '/x?a=1&b=<2>', lastmod: '2021-06-10T02:00:00Z' }),
    ).toBe(
      '<url><loc>https://gk.example.gov.cn/x?a=1&amp;b=&lt;2&gt;</loc><lastmod>2021-06-10</lastmod></url>\n',
    );
    expect(urlElement('https://a.gov.cn', { path: '/' })).toBe('<url><loc>https://a.gov.cn/</loc></url>\n');
    expect(xmlEscape(`"'`)).toBe('&quot;&apos;');
  });

  it('writes an index of numbered files', () => {
    const index = sitemapIndex('https://a.gov.cn', 2, '2021-06-10');
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain(
      '<sitemap><loc>https://a.gov.cn/sitemap-2.xml</loc><lastmod>2021-06-10</lastmod></sitemap>',
    );
    expect(index.match(/<sitemap>/g)).toHaveLength(2);
  });

  it('names the sitemap in robots.txt and keeps crawlers out of the API and the console', () => {
    const robots = robotsTxt('https://a.gov.cn');
    expect(robots).toContain('Sitemap: https://a.gov.cn/sitemap.xml');
    expect(robots).toContain('Disallow: /api/');
    expect(robots).toContain('Disallow: /console');
  });
});
