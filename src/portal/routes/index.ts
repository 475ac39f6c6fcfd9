/**
 * The public portal's one route module: server-rendered pages (no script), the stylesheet, the
 * text-size switch and the form parser (application/x-www-form-urlencoded, this scope only).
 * Errors on these routes are always portal HTML pages.
 */
import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { onPublishedItemsChanged } from '../../commands/items/published-changes.ts';
import { onSiteSettingsChanged } from '../../commands/site/site-changes.ts';
import type { ItemSummaryRow } from '../../db/queries/items.ts';
import type { SafeHtml } from '../../render/escape.ts';
import { toAppError } from '../../server/errors.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import type { RouteModule } from '../../server/routes/types.ts';
import { parseQueryString } from '../../server/utf8.ts';
import { STYLESHEET_PATH, stylesheet } from '../assets.ts';
import { type TtlCache, ttlCache } from '../cache.ts';
import { localPath, pageContext, TEXT_COOKIE } from '../context.ts';
import type { DirectoryAgency } from '../directory.ts';
import { type PageCache, pageCache } from '../page-cache.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import type { ItemHead } from '../queries/item-page.ts';
import { SITEMAP_MAX_URLS } from '../sitemap.ts';
import type { Column } from '../views/catalog.ts';
import { renderErrorView } from '../views/error.ts';
import type { HomeData } from '../views/home.ts';
import type { ReportPageData } from '../views/reports.ts';
import { checkPages } from './check.ts';
import { contentPages } from './content.ts';
import { directoryPages } from './directory.ts';
import { guidePages } from './guide.ts';
import { requestPages } from './requests.ts';
import type { SearchPageData } from './search.ts';
import { searchPage } from './search.ts';
import { sitePages } from './site.ts';

/** The instance the portal's routes are registered on. */
export type PortalApp = Parameters<RouteModule>[0];

/** What the portal keeps in memory, per server. */
export interface PortalCaches {
  home: TtlCache<HomeData>;
  agencies: TtlCache<AgencySummary[]>;
  /** 机构导航's agencies with their parents: kept and emptied as the home page is */
  directory: TtlCache<DirectoryAgency[]>;
  /** item page content by `id:version` */
  items: TtlCache<SafeHtml>;
  /** what decides an item page, by `agency:item`: its published version, title and category (null: not published) */
  heads: TtlCache<ItemHead | null>;
  /** report pages (their rendered report) by `code:year` */
  reports: TtlCache<ReportPageData>;
  /** agency profiles by code (null: no such agency) */
  profiles: TtlCache<AgencyProfile | null>;
  /** the catalogue: counts and sub-columns by agency, lists by agency, category, column and page */
  counts: TtlCache<Map<string, number>>;
  columns: TtlCache<Column[]>;
  listings: TtlCache<{ rows: ItemSummaryRow[]; total: number }>;
  /** search results by the normalized form */
  searches: TtlCache<SearchPageData>;
  /** whole pages (home, 机构导航, catalogue, items, search) as sent, by address, text size and origin */
  pages: PageCache;
}

const SECOND = 1000;
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The caches: short lives, so changes no signal reaches (a CLI process on SQLite) show within a
 * minute at most — item pages within seconds. Changes to items signalled on the database (this
 * process's, or on PostgreSQL another server process's through LISTEN/NOTIFY: db/change-notices.ts)
 * empty what concerns items at once (forgetItems).
 */
export function createPortalCaches(): PortalCaches {
  return {
    home: ttlCache(1, 30 * SECOND),
    agencies: ttlCache(1, 30 * SECOND),
    directory: ttlCache(1, 30 * SECOND),
    items: ttlCache(2000, 60 * SECOND),
    heads: ttlCache(5000, 5 * SECOND),
    reports: ttlCache(50, 60 * SECOND),
    profiles: ttlCache(500, 30 * SECOND),
    counts: ttlCache(500, 30 * SECOND),
    columns: ttlCache(500, 30 * SECOND),
    listings: ttlCache(2000, 30 * SECOND),
    searches: ttlCache(1000, 30 * SECOND),
    // a second: changes no signal reaches show a second later than the caches above say
    pages: pageCache({ maxBytes: 32 * 1024 * 1024, ttlMs: SECOND }),
  };
}

/**
 * Forgets what the caches keep of items: whole pages, their heads, lists, counts, searches, the home
 * page and, with it, 机构导航's agencies (the two show an agency's change at the same time).
 */
export function forgetItems(caches: PortalCaches): void {
  caches.pages.clear();
  caches.heads.clear();
  caches.home.clear();
  caches.directory.clear();
  caches.counts.clear();
  caches.listings.clear();
  caches.searches.clear();
}

function portalErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const known = toAppError(error);
  if (!known) request.log.error({ err: error }, 'unhandled error');
  const status = known?.status ?? 500;
  const message = known?.message ?? '服务器内部错误，请稍后重试。';
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderErrorView(status, message, pageContext(request)));
}

export const portalRoutes: RouteModule = async (app, given) => {
  // the portal reads from the standby when it may (anonymous GETs; db/read-routing.ts); it listens
  // to the primary's changes, which the routed Db shares
  const options = { ...given, db: given.readDb };
  await app.register(formbody, { parser: parseQueryString });
  // Pages, not API: kept out of the OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.setErrorHandler(portalErrorHandler);
  const caches = createPortalCaches();
  const stop = onPublishedItemsChanged(options.db, () => forgetItems(caches));
  // whole pages carry the site's identity (root hook, site.ts), which forgets it at the same signal
  const stopSite = onSiteSettingsChanged(options.db, () => caches.pages.clear());
  app.addHook('onClose', async () => {
    stop();
    stopSite();
  });

  app.get(STYLESHEET_PATH, async (request, reply) => {
    reply.header('content-type', 'text/css; charset=utf-8').header('etag', stylesheet.etag);
    const versioned = (request.query as { v?: string }).v === stylesheet.version;
    reply.header(
      'cache-control',
      versioned ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=300',
    );
    if (request.headers['if-none-match'] === stylesheet.etag) return reply.code(304).send();
    return reply.send(stylesheet.body);
  });

  app.get('/text-size', async (request, reply) => {
    const query = request.query as { mode?: string; back?: string };
    const large = query.mode === 'large';
    const back = new URL(localPath(query.back), 'http://portal.invalid');
    if (large) back.searchParams.set('text', 'large');
    else back.searchParams.delete('text');
    reply.header(
      'set-cookie',
      large
        ? `${TEXT_COOKIE}=large; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax; HttpOnly`
        : `${TEXT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly`,
    );
    return reply.redirect(`${back.pathname}${back.search}`, 303);
  });

  contentPages(app, options, caches);
  directoryPages(app, options, caches);
  guidePages(app, options, caches);
  searchPage(app, options, caches);
  requestPages(app, options, caches);
  checkPages(app, options);
  sitePages(app, options, SITEMAP_MAX_URLS);
};
