/** Pieces shared by the portal's pages: addresses, item lists, the pager, the 公开 column. */
import { html, type SafeHtml } from '../../render/escape.ts';

/** The portal's addresses, in one place. */
export const urls = {
  section: (code: string) => `/agencies/${encodeURIComponent(code)}/gongkai`,
  guide: (code: string) => `/agencies/${encodeURIComponent(code)}/gongkai/guide`,
  rules: (code: string) => `/agencies/${encodeURIComponent(code)}/gongkai/rules`,
  catalog: (code: string) => `/agencies/${encodeURIComponent(code)}/gongkai/catalog`,
  normative: (code: string) => `/agencies/${encodeURIComponent(code)}/gongkai/normative`,
  onRequest: (code: string) => `/agencies/${encodeURIComponent(code)}/gongkai/on-request`,
  reports: (code: string) => `/agencies/${encodeURIComponent(code)}/gongkai/reports`,
  apply: (code: string) => `/agencies/${encodeURIComponent(code)}/apply`,
  item: (code: string, id: number) => `/agencies/${encodeURIComponent(code)}/items/${id}`,
  attachment: (code: string, id: number, attachmentId: number) =>
    `/api/v1/agencies/${encodeURIComponent(code)}/published-items/${id}/attachments/${attachmentId}`,
};

/** A list line: a linked title, an optional line below it, the date on the right. */
export interface Line {
  href: string;
  title: string;
  date?: string | null;
  /** what goes under the title (links, a size) */
  sub?: SafeHtml;
}

/** A list of linked lines, or the `empty` sentence. */
export function renderLines(lines: Line[], empty = '暂无信息。'): SafeHtml {
  if (lines.length === 0) return html`<p class="muted">${empty}</p>`;
  const items = lines.map(
    (l) =>
      html`<li><span><a href="${l.href}">${l.title}</a>${l.sub ? html`<span class="sub">${l.sub}</span>` : ''}</span>${l.date ? html`<span class="date">${l.date}</span>` : ''}</li>`,
  );
  return html`<ul class="list">${items}</ul>`;
}

/** Page numbers around the current one, with the first and the last. */
export function pageWindow(page: number, pages: number): number[] {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  return [...shown].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
}

/** The pager: `href(n)` gives page n's address; nothing when there is one page. */
export function renderPager(page: number, pages: number, href: (n: number) => string): SafeHtml {
  if (pages <= 1) return html``;
  const link = (n: number, label: string, rel?: 'prev' | 'next') =>
    html`<li><a href="${href(n)}"${rel ? html` rel="${rel}"` : ''}>${label}</a></li>`;
  const numbers = pageWindow(page, pages).map((n, i, all) => {
    const gap = i > 0 && n - all[i - 1] > 1 ? html`<li><span aria-hidden="true">…</span></li>` : '';
    return n === page
      ? html`${gap}<li><span aria-current="page">第${n}页</span></li>`
      : html`${gap}${link(n, `第${n}页`)}`;
  });
  const prev = page > 1 ? link(page - 1, '上一页', 'prev') : '';
  const next = page < pages ? link(page + 1, '下一页', 'next') : '';
  return html`<nav class="pager" aria-label="分页"><ul>${prev}${numbers}${next}</ul></nav>`;
}

/** A query string from the defined values, `?a=1&b=2` (empty when none). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const SECTION_PAGES: ReadonlyArray<[keyof typeof urls, string]> = [
  ['guide', '政府信息公开指南'],
  ['rules', '政府信息公开制度'],
  ['catalog', '法定主动公开内容'],
  ['normative', '现行有效规范性文件'],
  ['onRequest', '依申请公开'],
  ['reports', '政府信息公开年度报告'],
];

/** The left column of an agency's 政府信息公开 section; `active` is the current entry. */
export function renderSectionSide(code: string, active?: keyof typeof urls): SafeHtml {
  const links = SECTION_PAGES.map(([key, label]) => {
    const href = (urls[key] as (c: string) => string)(code);
    return html`<li><a href="${href}"${key === active ? html` aria-current="page"` : ''}>${label}</a></li>`;
  });
  return html`<p class="side-title">政府信息公开</p><ul>${links}</ul>`;
}
