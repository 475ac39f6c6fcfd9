/**
 * What the site maps list (the /sitemap page and sitemap.xml): the site's pages, each agency's
 * section with its categories that hold items and its published reports, and every published item
 * — read by id in chunks (keyset), so the XML is written as it is read, however many items there are.
 */
import type { Db } from '../../db/connection.ts';
import { STATUTORY_CATEGORY_LABELS, type StatutoryCategory } from '../../domain/items/categories.ts';
import type { SitemapEntry } from '../sitemap.ts';
import { urls } from '../views/parts.ts';

/** One agency's part of the site map. */
export interface AgencyMap {
  code: string;
  name: string;
  /** the newest day an item of the agency changed */
  lastmod: string | null;
  /** the categories that hold published items, with their names */
  categories: Array<{ code: string; label: string; lastmod: string | null }>;
  /** published annual reports: year and the day the latest version went public */
  reports: Array<{ year: number; publishedOn: string }>;
}

/** The site's own pages and each agency's section, categories and reports. */
export async function loadSiteMap(db: Db): Promise<{ agencies: AgencyMap[]; lastmod: string | null }> {
  const agencies = await db.kysely
    .selectFrom('agencies')
    .select(['id', 'code', 'name'])
    .orderBy('code')
    .execute();
  const categories = await db.kysely
    .selectFrom('items')
    .select(['agency_id', 'category', (eb) => eb.fn.max('updated_at').as('lastmod')])
    .where('status', '=', 'published')
    .groupBy(['agency_id', 'category'])
    .execute();
  const reports = await db.kysely
    .selectFrom('annual_report_versions')
    .select(['agency_id', 'year', (eb) => eb.fn.max('published_on').as('published_on')])
    .groupBy(['agency_id', 'year'])
    .orderBy('year', 'desc')
    .execute();
  let newest: string | null = null;
  const maps = agencies.map((a) => {
    const own = categories
      .filter((c) => c.agency_id === a.id)
      .map((c) => ({
        code: c.category,
        label: STATUTORY_CATEGORY_LABELS[c.category as StatutoryCategory] ?? c.category,
        lastmod: c.lastmod ? String(c.lastmod) : null,
      }))
      .sort((x, y) => x.code.localeCompare(y.code, 'en', { numeric: true }));
    const lastmod = own.reduce<string | null>(
      (m, c) => (c.lastmod && (!m || c.lastmod > m) ? c.lastmod : m),
      null,
    );
    if (lastmod && (!newest || lastmod > newest)) newest = lastmod;
    return {
      code: a.code,
      name: a.name,
      lastmod,
      categories: own,
      reports: reports
        .filter((r) => r.agency_id === a.id)
        .map((r) => ({ year: Number(r.year), publishedOn: String(r.published_on) })),
    };
  });
  return { agencies: maps, lastmod: newest };
}

/** The pages that are not items, in the order the sitemap lists them. */
export function fixedEntries(map: { agencies: AgencyMap[]; lastmod: string | null }): SitemapEntry[] {
  const entries: SitemapEntry[] = [
    { path: '/', lastmod: map.lastmod },
    { path: '/gongkai', lastmod: map.lastmod },
    { path: '/agencies' },
    { path: '/reports' },
    { path: '/apply' },
    { path: '/track' },
    { path: '/deadline' },
    { path: '/check' },
    { path: '/sitemap', lastmod: map.lastmod },
  ];
  for (const a of map.agencies) {
    entries.push(
      { path: urls.section(a.code), lastmod: a.lastmod },
      { path: urls.guide(a.code) },
      { path: urls.rules(a.code) },
      { path: urls.catalog(a.code), lastmod: a.lastmod },
      ...a.categories.map((c) => ({
        path: `${urls.catalog(a.code)}?category=${encodeURIComponent(c.code)}`,
        lastmod: c.lastmod,
      })),
      { path: urls.normative(a.code) },
      { path: urls.onRequest(a.code) },
      { path: urls.reports(a.code), lastmod: a.reports[0]?.publishedOn ?? null },
      ...a.reports.map((r) => ({
        path: `/agencies/${encodeURIComponent(a.code)}/reports/${r.year}`,
        lastmod: r.publishedOn,
      })),
      { path: urls.apply(a.code) },
    );
  }
  return entries;
}

/** How many items are published. */
export async function publishedItemCount(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const CHUNK = 5000;

/** The published items' entries in id order, `skip` then `take` of them, read `CHUNK` at a time. */
export async function* itemEntries(db: Db, skip: number, take: number): AsyncGenerator<SitemapEntry[]> {
  let after: number | null = null;
  if (skip > 0) {
    const start = await db.kysely
      .selectFrom('items')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(1)
      .offset(skip - 1)
      .executeTakeFirst();
    if (!start) return;
    after = start.id;
  }
  let left = take;
  while (left > 0) {
    let query = db.kysely
      .selectFrom('items')
      .innerJoin('agencies', 'agencies.id', 'items.agency_id')
      .select(['items.id', 'agencies.code', 'items.updated_at', 'items.published_on'])
      .where('items.status', '=', 'published')
      .orderBy('items.id')
      .limit(Math.min(CHUNK, left));
    if (after !== null) query = query.where('items.id', '>', after);
    const rows = await query.execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({ path: urls.item(r.code, r.id), lastmod: r.updated_at || r.published_on }));
    left -= rows.length;
    after = rows[rows.length - 1].id;
  }
}
