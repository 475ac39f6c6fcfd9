/**
 * `/search`: the search form (GET, so it works without script and can be bookmarked) and the hits
 * of the same public search the API runs, with the pages found besides items (search-pages.ts),
 * facet counts as filter links, and a suggestion when nothing is found. Bad filters are named and
 * left out; the text is kept.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { ITEM_VALIDITIES, STATUTORY_CATEGORIES } from '../../domain/items/categories.ts';
import { publicSearch } from '../../search/public-search.ts';
import type { SearchQuery, SearchResult } from '../../search/types.ts';
import { type AgencySummary, listAgencies } from '../../server/queries/agencies.ts';
import { SEARCH_PAGE_SIZE } from '../../server/routes/search/search.ts';
import type { RouteOptions } from '../../server/routes/types.ts';
import { pageCount, pageRedirect, requestedPage } from '../paging.ts';
import { type AgencyProfile, findAgencyProfile } from '../queries/catalog.ts';
import { agencyCodesOf } from '../queries/item-page.ts';
import { type ItemKinds, type SearchFacets, searchFacets } from '../queries/search-facets.ts';
import { findPages, mainText, type PageHit, type PageTexts } from '../queries/search-pages.ts';
import { renderGuide } from '../views/guide.ts';
import { renderSearch, type SearchForm } from '../views/search.ts';
import { renderRules } from '../views/section.ts';
import { loadGuideData } from './guide.ts';
import type { PortalApp, PortalCaches } from './index.ts';
import { answerKeptPage, sendKeptPage } from './shared.ts';

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
  const sort = text(query.sort);
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
    sort:
      keep(sort, sort === 'date' || sort === 'relevance', '排序方式无效，已按相关度排序') === 'date'
        ? 'date'
        : undefined,
    page,
  };
  return { form, errors };
}

/** Registers the search page. */
export function searchPage(app: PortalApp, { db }: RouteOptions, caches: PortalCaches): void {
  const onRequest = answerKeptPage(caches.pages);
  app.get('/search', { schema: { querystring: textQuery }, onRequest }, (request, reply) =>
    sendKeptPage(request, reply, caches.pages, async (context) => {
      const agencies = await caches.agencies.get('all', () => listAgencies(db));
      const { form, errors } = readSearchForm(request.query, new Set(agencies.map((a) => a.code)));
      const data = await caches.searches.get(JSON.stringify(form), () =>
        runSearch(db, form, agencies, (code) => caches.profiles.get(code, () => findAgencyProfile(db, code))),
      );
      const pages = data.result ? pageCount(data.result.total, SEARCH_PAGE_SIZE) : 1;
      const moved = pageRedirect(request.url, request.query.page, requestedPage(request.query.page), pages);
      if (moved) return { redirect: moved };
      const view = { form, agencies, ...data, pageSize: SEARCH_PAGE_SIZE, errors };
      return renderSearch(view, context);
    }),
  );
}

/** A page of hits, the agency and kind of each, the other pages found and the facet counts (null: nothing asked). */
export interface SearchPageData {
  result: SearchResult | null;
  codes: Map<number, string>;
  kinds: ItemKinds;
  pages: PageHit[];
  facets: SearchFacets | null;
}

/** The guide and rules pages' words, as a visitor reads them (rendered once per search, not cached). */
function pageTexts(db: Db): PageTexts {
  return {
    guide: async (agency) => mainText(renderGuide(agency, await loadGuideData(db, agency.id), PAGE_CONTEXT)),
    rules: async (agency) => mainText(renderRules(agency, [], '', PAGE_CONTEXT)),
  };
}
const PAGE_CONTEXT = { url: '/', large: false };

async function runSearch(
  db: Db,
  form: SearchForm,
  agencies: AgencySummary[],
  profile: (code: string) => Promise<AgencyProfile | null>,
): Promise<SearchPageData> {
  if (!form.q) return { result: null, codes: new Map(), kinds: new Map(), pages: [], facets: null };
  const result = await publicSearch(db, {
    text: form.q,
    agency: form.agency,
    category: form.category,
    year: form.year ? Number(form.year) : undefined,
    documentType: form.type as SearchQuery['documentType'],
    validity: form.validity,
    sort: form.sort,
    withMatchedIds: true,
    limit: SEARCH_PAGE_SIZE,
    offset: (form.page - 1) * SEARCH_PAGE_SIZE,
  });
  const itemsOnly = Boolean(form.category || form.type || form.validity);
  const pages =
    form.page === 1
      ? await findPages(
          db,
          form.q,
          { agency: form.agency, year: form.year, itemsOnly },
          agencies,
          profile,
          pageTexts(db),
        )
      : [];
  const { facets, kinds } = await searchFacets(db, result?.matchedIds ?? []);
  return {
    result,
    codes: await agencyCodesOf(db, result?.hits.map((h) => h.id) ?? []),
    kinds,
    pages,
    facets,
  };
}
