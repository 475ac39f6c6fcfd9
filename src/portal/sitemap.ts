/**
 * sitemap.xml by the sitemaps.org protocol (0.9): a `<urlset>` of at most 50,000 `<url>`s, each its
 * absolute `<loc>` (XML-escaped) and, where known, `<lastmod>` (W3C date); beyond 50,000 URLs
 * `/sitemap.xml` is a `<sitemapindex>` of `/sitemap-1.xml`, `/sitemap-2.xml`, … (docs/portal.md).
 * Pure: the routes read the pages and items (queries/sitemap.ts) and write what these return.
 */

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;

/** One page of the site: its path and the day it last changed, if known. */
export interface SitemapEntry {
  path: string;
  lastmod?: string | null;
}

/** What `/sitemap.xml` is: the one list, or an index of `files` lists. */
export type SitemapPlan = { kind: 'urlset' } | { kind: 'index'; files: number };

/** The plan for `total` URLs, `limit` a file. */
export function planSitemap(total: number, limit = SITEMAP_MAX_URLS): SitemapPlan {
  return total <= limit ? { kind: 'urlset' } : { kind: 'index', files: Math.ceil(total / limit) };
}

/** Text escaped for XML (the five entities). */
export function xmlEscape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export const URLSET_OPEN = `${XML_HEAD}<urlset xmlns="${NS}">\n`;
export const URLSET_CLOSE = '</urlset>\n';

/** One `<url>` line. */
export function urlElement(origin: string, entry: SitemapEntry): string {
  const lastmod = entry.lastmod ? `<lastmod>${xmlEscape(entry.lastmod.slice(0, 10))}</lastmod>` : '';
  return `<url><loc>${xmlEscape(origin + entry.path)}</loc>${lastmod}</url>\n`;
}

/** The index of `files` sitemap files, each with the newest `lastmod` of the site. */
export function sitemapIndex(origin: string, files: number, lastmod: string | null): string {
  const mod = lastmod ? `<lastmod>${xmlEscape(lastmod.slice(0, 10))}</lastmod>` : '';
  const lines = Array.from(
    { length: files },
    (_, i) => `<sitemap><loc>${xmlEscape(`${origin}/sitemap-${i + 1}.xml`)}</loc>${mod}</sitemap>\n`,
  );
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${lines.join('')}</sitemapindex>\n`;
}

/**
 * Which entries file `file` (1-based) of an index holds: the site's `fixed` pages come first, then
 * the items in id order. Returns the slice of the fixed pages and how many items to skip and take.
 */
export function fileRange(
  file: number,
  fixed: number,
  total: number,
  limit = SITEMAP_MAX_URLS,
): { fixedFrom: number; fixedTo: number; skipItems: number; takeItems: number } {
  const from = (file - 1) * limit;
  const to = Math.min(total, from + limit);
  const fixedFrom = Math.min(from, fixed);
  const fixedTo = Math.min(to, fixed);
  const skipItems = Math.max(0, from - fixed);
  const takeItems = Math.max(0, to - Math.max(from, fixed));
  return { fixedFrom, fixedTo, skipItems, takeItems };
}

/** robots.txt: everything may be crawled but the API and the staff console; where the sitemap is. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Disallow: /api/',
    'Disallow: /console',
    'Disallow: /text-size',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
