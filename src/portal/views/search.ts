/**
 * The search page: a GET form (text, agency, category, year, document type, validity, order); the
 * pages found besides items (a 索引号's item, a 文号's normative document, annual reports, the
 * guide and the rules), each with its type; the hits with their type, highlighted title and
 * snippet (escaped by the search module, matches in <mark>), those holding only some words after a
 * note, by page; facet counts as filter links; “您是不是要找” when nothing is found.
 */
import {
  ITEM_VALIDITIES,
  ITEM_VALIDITY_LABELS,
  STATUTORY_CATEGORIES,
  STATUTORY_CATEGORY_LABELS,
} from '../../domain/items/categories.ts';
import { html, type SafeHtml, trustedHtml } from '../../render/escape.ts';
import type { SearchResult } from '../../search/types.ts';
import type { ItemKinds, SearchFacets } from '../queries/search-facets.ts';
import type { PageHit, PageKind } from '../queries/search-pages.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { queryString, renderPager, urls } from './parts.ts';

export interface SearchForm {
  q: string;
  agency?: string;
  category?: string;
  year?: string;
  type?: string;
  validity?: string;
  /** `date`: newest first (relevance otherwise) */
  sort?: 'date';
  page: number;
}

export interface SearchView {
  form: SearchForm;
  agencies: Array<{ code: string; name: string }>;
  /** null: nothing asked yet */
  result: SearchResult | null;
  /** the agency code of each hit, for its link */
  codes: Map<number, string>;
  /** the category and type of each hit */
  kinds: ItemKinds;
  /** pages found besides items: exact numbers, reports, the guide, the rules */
  pages: PageHit[];
  /** counts of the matches by category, year and type (null: nothing asked) */
  facets: SearchFacets | null;
  pageSize: number;
  /** Chinese messages of refused filters */
  errors: string[];
}

const TYPES: ReadonlyArray<[string, string]> = [
  ['policy', '政策文件'],
  ['interpretation', '政策解读'],
  ['other', '其他信息'],
];

function select(name: string, label: string, options: ReadonlyArray<[string, string]>, value?: string) {
  const opts = options.map(
    ([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${l}</option>`,
  );
  return html`<div class="field"><label for="s-${name}">${label}</label><select id="s-${name}" name="${name}"><option value="">全部</option>${opts}</select></div>`;
}

function renderForm(view: SearchView): SafeHtml {
  const f = view.form;
  return html`<form class="inline" method="get" action="/search" role="search">${[
    html`<div class="field"><label for="s-q">检索词</label><input id="s-q" type="search" name="q" value="${f.q}" maxlength="200" size="28"></div>`,
    select(
      'agency',
      '机关',
      view.agencies.map((a) => [a.code, a.name]),
      f.agency,
    ),
    select(
      'category',
      '公开类别',
      STATUTORY_CATEGORIES.map((c) => [c, STATUTORY_CATEGORY_LABELS[c]]),
      f.category,
    ),
    html`<div class="field"><label for="s-year">发布年份</label><input id="s-year" type="text" inputmode="numeric" name="year" value="${f.year ?? ''}" size="6" maxlength="4"></div>`,
    select('type', '文件类型', TYPES, f.type),
    select(
      'validity',
      '有效性',
      ITEM_VALIDITIES.map((v) => [v, ITEM_VALIDITY_LABELS[v]]),
      f.validity,
    ),
    html`<div class="field"><label for="s-sort">排序</label><select id="s-sort" name="sort"><option value="">按相关度</option><option value="date"${f.sort === 'date' ? html` selected` : ''}>按发布日期</option></select></div>`,
  ]}<button type="submit">检索</button></form>`;
}

const TYPE_LABELS: Record<string, string> = Object.fromEntries(TYPES);

const PAGE_KIND_LABELS: Record<PageKind, string> = {
  index_no: '索引号',
  normative: '规范性文件',
  report: '年度报告',
  guide: '公开指南',
  rules: '公开制度',
};

/** The address of this search with some parameters changed (undefined: left out), back to page 1. */
function searchHref(form: SearchForm, change: Partial<Record<keyof SearchForm, string | undefined>>): string {
  const { page: _page, ...rest } = form;
  return `/search${queryString({ ...rest, ...change })}`;
}

type FacetKey = 'category' | 'year' | 'type';

/** One facet: its values with their counts as filter links; the chosen one marked, “全部” to clear it. */
function renderFacet(
  form: SearchForm,
  key: FacetKey,
  title: string,
  counts: Array<[string, string, number]>,
) {
  if (counts.length === 0) return '';
  const chosen = form[key];
  const links = counts.map(([value, label, n]) =>
    value === chosen
      ? html`<li><strong aria-current="true">${label}<span class="count">${n}</span></strong></li>`
      : html`<li><a href="${searchHref(form, { [key]: value })}">${label}<span class="count">${n}</span></a></li>`,
  );
  const all = chosen ? html`<li><a href="${searchHref(form, { [key]: undefined })}">全部</a></li>` : '';
  return html`<section class="facet"><h2>${title}</h2><ul>${all}${links}</ul></section>`;
}

function renderFacets(view: SearchView): SafeHtml | string {
  const { facets, form } = view;
  if (!facets || (facets.type.size === 0 && !form.category && !form.year && !form.type)) return '';
  const categories = STATUTORY_CATEGORIES.flatMap((c): Array<[string, string, number]> => {
    const n = facets.category.get(c);
    return n ? [[c, STATUTORY_CATEGORY_LABELS[c], n]] : [];
  });
  const years = [...facets.year]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .map(([year, n]): [string, string, number] => [year, `${year}年`, n]);
  const types = TYPES.flatMap(([t, label]): Array<[string, string, number]> => {
    const n = facets.type.get(t);
    return n ? [[t, label, n]] : [];
  });
  const note = view.result?.totalCapped
    ? html`<p class="muted">按最新的${view.result.total}条统计。</p>`
    : '';
  return html`<aside class="facets" aria-label="筛选">${[
    renderFacet(form, 'type', '文件类型', types),
    renderFacet(form, 'category', '公开类别', categories),
    renderFacet(form, 'year', '发布年份', years),
  ]}${note}</aside>`;
}

function renderPages(pages: PageHit[]): SafeHtml | string {
  if (pages.length === 0) return '';
  const lines = pages.map(
    (p) =>
      html`<li><span class="kind">${PAGE_KIND_LABELS[p.kind]}</span><a href="${p.href}">${p.title}</a><span class="sub">${p.note}</span></li>`,
  );
  return html`<section class="pages-found" aria-label="栏目与文件"><ul>${lines}</ul></section>`;
}

function renderHits(view: SearchView): SafeHtml {
  const { result, form } = view;
  if (!result) return html`<p class="muted">请输入检索词，或按类别、年份等条件筛选。</p>`;
  if (result.hits.length === 0) {
    if (view.pages.length > 0) return html``;
    const suggestion = result.suggestion
      ? html`<p class="suggestion">您是不是要找：<a href="${searchHref(form, { q: result.suggestion })}">${result.suggestion}</a></p>`
      : '';
    return html`${suggestion}<p>未找到符合条件的信息，请换一个检索词或放宽筛选条件。</p>`;
  }
  let dividerShown = false;
  const hits = result.hits.map((h) => {
    const code = view.codes.get(h.id) ?? form.agency ?? '';
    const kind = view.kinds.get(h.id);
    const type = kind ? html`<span class="kind">${TYPE_LABELS[kind.type] ?? '其他信息'}</span>` : '';
    const category =
      kind && kind.category in STATUTORY_CATEGORY_LABELS
        ? html`${STATUTORY_CATEGORY_LABELS[kind.category as keyof typeof STATUTORY_CATEGORY_LABELS]}　`
        : '';
    const divider =
      h.partial && !dividerShown
        ? html`<p class="partial-note" role="note">以下信息只包含部分检索词：</p>`
        : '';
    if (h.partial) dividerShown = true;
    // titleHtml and snippetHtml are escaped by the search module, matches wrapped in <mark> (search/highlight.ts)
    return html`${divider}<article class="hit"><h2>${type}<a href="${urls.item(code, h.id)}">${trustedHtml(h.titleHtml)}</a></h2><p>${trustedHtml(h.snippetHtml)}</p><p class="muted">${category}发布日期：${h.publishedOn}</p></article>`;
  });
  const pages = Math.max(1, Math.ceil(result.total / view.pageSize));
  const pager = renderPager(form.page, Math.min(pages, 1000), (n) => {
    const { page: _page, ...rest } = form;
    return `/search${queryString({ ...rest, page: n > 1 ? n : undefined })}`;
  });
  return html`${hits}${pager}`;
}

/** The line that says what was found: how many, which page, the words left out. */
function renderStatus(view: SearchView): SafeHtml | string {
  const { result, form } = view;
  if (!result || (result.total === 0 && view.pages.length === 0)) return '';
  const pages = Math.max(1, Math.ceil(result.total / view.pageSize));
  const total = result.totalCapped ? `${result.total}条以上` : `${result.total}条`;
  const partial = result.partialTotal ? `（其中${result.partialTotal}条只包含部分检索词）` : '';
  const order = form.sort === 'date' ? '按发布日期排序' : '按相关度排序';
  const dropped = result.dropped?.length
    ? html`<p class="muted">已略去不影响检索的词：${result.dropped.join('、')}。</p>`
    : '';
  const found =
    result.total > 0
      ? html`共找到${total}信息${partial}，${order}，第${form.page}/${pages}页。`
      : html`未找到相关信息公开目录内容。`;
  return html`<p class="muted" role="status">${found}</p>${dropped}`;
}

/** The search page HTML. */
export function renderSearch(view: SearchView, context: PageContext) {
  const errors =
    view.errors.length > 0
      ? html`<div class="alert" role="alert"><p>检索条件有误：</p><ul>${view.errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
      : '';
  const facets = renderFacets(view);
  const results = html`<div class="search-results">${renderStatus(view)}${renderPages(view.pages)}${renderHits(view)}</div>`;
  // results first (a phone shows the filters after them), the filters beside them on a wide screen
  const body = facets ? html`<div class="search-layout">${results}${facets}</div>` : results;
  const main = html`<h1>信息检索</h1>${renderForm(view)}${errors}${body}`;
  return renderPortalPage({
    title: '信息检索',
    context,
    nav: '/search',
    crumbs: [{ label: '信息检索' }],
    main,
  });
}
