/**
 * The search page: a GET form (text, agency, category, year, document type, validity) and the hits
 * with their highlighted title and snippet (escaped by the search module, matches in <mark>), by page.
 */
import {
  ITEM_VALIDITIES,
  ITEM_VALIDITY_LABELS,
  STATUTORY_CATEGORIES,
  STATUTORY_CATEGORY_LABELS,
} from '../../domain/items/categories.ts';
import { html, type SafeHtml, trustedHtml } from '../../render/escape.ts';
import type { SearchResult } from '../../search/types.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { queryString, renderPager, urls } from './parts.ts';

export interface SearchForm {
  q: string;
  agency?: string;
  category?: string;
  year?: string;
  type?: string;
  validity?: string;
  page: number;
}

export interface SearchView {
  form: SearchForm;
  agencies: Array<{ code: string; name: string }>;
  /** null: nothing asked yet */
  result: SearchResult | null;
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
  ]}<button type="submit">检索</button></form>`;
}

function renderHits(view: SearchView, agencyCode: (id: number) => string | undefined): SafeHtml {
  const { result, form } = view;
  if (!result) return html`<p class="muted">请输入检索词，或按类别、年份等条件筛选。</p>`;
  if (result.hits.length === 0) return html`<p>未找到符合条件的信息，请换一个检索词或放宽筛选条件。</p>`;
  const hits = result.hits.map((h) => {
    const code = agencyCode(h.id) ?? form.agency ?? '';
    // titleHtml and snippetHtml are escaped by the search module, matches wrapped in <mark> (search/highlight.ts)
    return html`<article class="hit"><h2><a href="${urls.item(code, h.id)}">${trustedHtml(h.titleHtml)}</a></h2><p>${trustedHtml(h.snippetHtml)}</p><p class="muted">发布日期：${h.publishedOn}</p></article>`;
  });
  const pages = Math.max(1, Math.ceil(result.total / view.pageSize));
  const { page: _page, ...rest } = form;
  const pager = renderPager(
    form.page,
    Math.min(pages, 1000),
    (n) => `/search${queryString({ ...rest, page: n > 1 ? n : undefined })}`,
  );
  const total = result.totalCapped ? `${result.total}条以上` : `${result.total}条`;
  return html`<p class="muted" role="status">共找到${total}，第${form.page}/${pages}页。</p>${hits}${pager}`;
}

/** The search page HTML; `agencyCode` names the agency of a hit (for its link). */
export function renderSearch(
  view: SearchView,
  agencyCode: (id: number) => string | undefined,
  context: PageContext,
) {
  const errors =
    view.errors.length > 0
      ? html`<div class="alert" role="alert"><p>检索条件有误：</p><ul>${view.errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
      : '';
  const main = html`<h1>信息检索</h1>${renderForm(view)}${errors}${renderHits(view, agencyCode)}`;
  return renderPortalPage({
    title: '信息检索',
    context,
    nav: '/search',
    crumbs: [{ label: '信息检索' }],
    main,
  });
}
