/**
 * 法定主动公开内容: the 15 categories of 条例第二十条 (and 其他) with their counts and the agency's
 * own sub-columns; a category (or a sub-column) lists its published items, newest first, by page.
 */

import type { ItemSummaryRow } from '../../db/queries/items.ts';
import { columnKey, emptyColumnText } from '../../domain/guide/column-notes.ts';
import {
  ITEM_VALIDITY_LABELS,
  type ItemValidity,
  STATUTORY_CATEGORIES,
  STATUTORY_CATEGORY_LABELS,
  type StatutoryCategory,
} from '../../domain/items/categories.ts';
import { html, joinHtml, type SafeHtml } from '../../render/escape.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import type { PageContext } from './layout.ts';
import { queryString, renderLines, renderPager, urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

export interface Column {
  code: string;
  name: string;
  category: string;
}

export interface CatalogListing {
  category: StatutoryCategory;
  column?: Column;
  rows: ItemSummaryRow[];
  /** the column's 备注说明 when it is empty ('' when none) */
  note?: string;
  total: number;
  page: number;
  pageSize: number;
}

function page(agency: AgencyProfile, context: PageContext, title: string, main: SafeHtml, extra = false) {
  const trail = extra
    ? [{ label: '法定主动公开内容', href: urls.catalog(agency.code) }, { label: title }]
    : [{ label: '法定主动公开内容' }];
  return renderSectionPage(agency, context, { title, side: 'catalog', trail, main });
}

const categoryHref = (code: string, category: string, column?: string) =>
  `${urls.catalog(code)}${queryString({ category, column })}`;

/** The index: every category with its count and sub-columns. */
export function renderCatalogIndex(
  agency: AgencyProfile,
  counts: Map<string, number>,
  columns: Column[],
  context: PageContext,
  notes: ReadonlyMap<string, string> = new Map(),
): string {
  const entries = STATUTORY_CATEGORIES.map((category) => {
    const own = columns.filter((c) => c.category === category);
    const sub =
      own.length > 0
        ? html`<ul>${own.map((c) => html`<li><a href="${categoryHref(agency.code, category, c.code)}">${c.name}</a></li>`)}</ul>`
        : '';
    const count = counts.get(category) ?? 0;
    const note = notes.get(columnKey('category', category));
    const why = count === 0 && note ? html`<span class="col-note">${note}</span>` : '';
    return html`<li><a href="${categoryHref(agency.code, category)}">${STATUTORY_CATEGORY_LABELS[category]}</a><span class="count">（${count}条）</span>${why}${sub}</li>`;
  });
  const main = html`<h1>法定主动公开内容</h1>${[
    html`<p class="muted">按《中华人民共和国政府信息公开条例》第二十条的十五类内容及本机关设置的子栏目分类。</p>`,
    html`<ul class="cats">${entries}</ul>`,
  ]}`;
  return page(agency, context, '法定主动公开内容', main);
}

/** One category (or sub-column): its items by page, with the sub-columns to narrow it. */
export function renderCatalogList(
  agency: AgencyProfile,
  listing: CatalogListing,
  columns: Column[],
  context: PageContext,
): string {
  const categoryLabel = STATUTORY_CATEGORY_LABELS[listing.category];
  const title = listing.column ? listing.column.name : categoryLabel;
  const own = columns.filter((c) => c.category === listing.category);
  const current = html` aria-current="page"`;
  const columnLinks = own.map(
    (c) =>
      html`<a href="${categoryHref(agency.code, listing.category, c.code)}"${listing.column?.code === c.code ? current : ''}>${c.name}</a>`,
  );
  const filters =
    own.length > 0
      ? html`<p>子栏目：<a href="${categoryHref(agency.code, listing.category)}"${listing.column ? '' : current}>全部</a> ${joinHtml(columnLinks, ' ')}</p>`
      : '';
  const lines = listing.rows.map((r) => ({
    href: urls.item(agency.code, r.id),
    title: r.title,
    date: r.published_on,
    sub: html`${[
      r.index_no ?? '',
      r.doc_number ?? '',
      ITEM_VALIDITY_LABELS[r.validity as ItemValidity] ?? r.validity,
    ]
      .filter(Boolean)
      .join(' · ')}`,
  }));
  const pages = Math.max(1, Math.ceil(listing.total / listing.pageSize));
  const pager = renderPager(
    listing.page,
    pages,
    (n) => categoryHref(agency.code, listing.category, listing.column?.code) + (n > 1 ? `&page=${n}` : ''),
  );
  const main = html`<h1>${title}</h1>${[
    listing.column ? html`<p class="muted">${categoryLabel}</p>` : '',
    filters,
    html`<p class="muted">共${listing.total}条，第${listing.page}/${pages}页。</p>`,
    listing.total === 0
      ? html`<p class="muted col-note">${emptyColumnText(listing.note)}</p>`
      : renderLines(lines),
    pager,
  ]}`;
  return page(agency, context, title, main, true);
}
