/**
 * `/search`: the search form (GET, so it works without script and can be bookmarked) and the hits
 * of the same public search the API runs. Bad filters are named and left out; the text is kept.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { ITEM_VALIDITIES, STATUTORY_CATEGORIES } from '../../domain/items/categories.ts';
import { publicSearch } from '../../search/public-search.ts';
import type { SearchQuery, SearchResult } from '../../search/types.ts';
import { listAgencies } from '../../server/queries/agencies.ts';
import { SEARCH_PAGE_SIZE } from '../../server/routes/search/search.ts';
import type { RouteOptions } from '../../server/routes/types.ts';
import { pageContext } from '../context.ts';
import { pageCount, pageRedirect, requestedPage } from '../paging.ts';
import { agencyCodesOf } from '../queries/item-page.ts';
import { renderSearch, type SearchForm } from '../views/search.ts';
import type { PortalApp, PortalCaches } from './index.ts';
import { sendPage } from './shared.ts';

const TYPES = ['policy', 'interpretation', 'other'] as const;
const textQuery = z.record(z.string(), z.unknown());
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The form's values, each bad one named in `errors` and dropped. */
export function readSearchForm(query: Record<string, unknown>, agencyCodes: Set<string>) {
  const errors: string[] = [];
  const keep = (value: string, ok: boolean, message: string) => {
    if (!value) return undefined;
    if (ok) return value;
    errors.push(message);
    return undefined;
  };
  let q = text(query.q);
  if (q.length > 200) {
    errors.push('检索词最长200个字，已截取前200个字');
    q = q.slice(0, 200);
  }
  const agency = text(query.agency);
  const category = text(query.category);
  const year = text(query.year);
  const type = text(query.type);
  const validity = text(query.validity);
  // a page that is not a page number is the first (a redirect: paging.ts); one past the end, the last
  const page = requestedPage(query.page) ?? 1;
  const form: SearchForm = {
    q,
    agency: keep(agency, agencyCodes.has(agency), '没有该机关，已按全部机关检索'),
    category: keep(
      category,
      (STATUTORY_CATEGORIES as readonly string[]).includes(category),
      '公开类别无效，已按全部类别检索',
    ),
    year: keep(year, /^\d{4}$/.test(year), '发布年份应为四位数字，如 2021'),
    type: keep(type, (TYPES as readonly string[]).includes(type), '文件类型无效，已按全部类型检索'),
    validity: keep(
      validity,
      (ITEM_VALIDITIES as readonly string[]).includes(validity),
      '有效性无效，已按全部检索',
    ),
    page,
  };
  return { form, errors };
}

/** Registers the search page. */
export function searchPage(app: PortalApp, { db }: RouteOptions, caches: PortalCaches): void {
  app.get('/search', { schema: { querystring: textQuery } }, async (request, reply) => {
    const agencies = await caches.agencies.get('all', () => listAgencies(db));
    const { form, errors } = readSearchForm(request.query, new Set(agencies.map((a) => a.code)));
    const { result, codes } = await caches.searches.get(JSON.stringify(form), () => runSearch(db, form));
    const pages = result ? pageCount(result.total, SEARCH_PAGE_SIZE) : 1;
    const moved = pageRedirect(request.url, request.query.page, requestedPage(request.query.page), pages);
    if (moved) return reply.redirect(moved, 303);
    const view = { form, agencies, result, pageSize: SEARCH_PAGE_SIZE, errors };
    return sendPage(
      reply,
      renderSearch(view, (id) => codes.get(id), pageContext(request)),
    );
  });
}

/** A page of hits and the agency of each (null: nothing asked). */
export interface SearchPageData {
  result: SearchResult | null;
  codes: Map<number, string>;
}

async function runSearch(db: Db, form: SearchForm): Promise<SearchPageData> {
  const result = form.q
    ? await publicSearch(db, {
        text: form.q,
        agency: form.agency,
        category: form.category,
        year: form.year ? Number(form.year) : undefined,
        documentType: form.type as SearchQuery['documentType'],
        validity: form.validity,
        limit: SEARCH_PAGE_SIZE,
        offset: (form.page - 1) * SEARCH_PAGE_SIZE,
      })
    : null;
  return { result, codes: await agencyCodesOf(db, result?.hits.map((h) => h.id) ?? []) };
}
