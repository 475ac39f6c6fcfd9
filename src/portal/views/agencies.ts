/**
 * 机构导航 (`/agencies`): every agency under its parent, or the agencies a name search found with
 * their parents' names; and the small form that searches it, also on the home page of a site with
 * more agencies than the home page lists.
 */
import { html, type SafeHtml } from '../../render/escape.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import { DIRECTORY_QUERY_MAX, type DirectoryLine, HOME_AGENCIES_MAX } from '../directory.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { type Line, queryString, renderLines, renderPager, urls } from './parts.ts';

/** The directory's address. */
export const DIRECTORY_PATH = '/agencies';

/** A page of the directory: the tree's, or a name search's. */
export interface DirectoryView {
  /** the name search ('' for the tree) */
  q: string;
  /** the page's lines: a search's matches, or a slice of the tree (led by its context lines) */
  lines: DirectoryLine[];
  /** the lines of the whole list (context lines not counted) */
  total: number;
  page: number;
  pageSize: number;
  /** what is wrong with the search, when it is not run */
  error?: string;
}

/** The GET form that searches agencies by name (`id` tells two forms' fields apart). */
export function renderAgencyFinder(id: string, q = '', error?: string): SafeHtml {
  const described = error ? html` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const message = error ? html`<p class="error" id="${id}-error">${error}</p>` : '';
  return html`<form class="inline finder" method="get" action="${DIRECTORY_PATH}" role="search"><div class="field${error ? ' invalid' : ''}"><label for="${id}">查找机关</label><input id="${id}" type="search" name="q" value="${q}" maxlength="${DIRECTORY_QUERY_MAX}" size="20" placeholder="输入机关名称中的字词"${described}>${message}</div><button type="submit">查找</button></form>`;
}

/**
 * A list of agencies on a page that is not the directory (the home page, 政府信息公开): every agency;
 * on a site with more than HOME_AGENCIES_MAX, the top of the tree (`topCodes`, as many at most), the
 * finder and a link to 全部机关 — a province's 2,000 agencies made such a page 670 kB.
 */
export function renderAgencyList(
  agencies: readonly AgencySummary[],
  topCodes: readonly string[] | undefined,
  lineOf: (agency: AgencySummary) => Line,
  finderId: string,
): SafeHtml {
  if (agencies.length <= HOME_AGENCIES_MAX || !topCodes)
    return renderLines(agencies.map(lineOf), '暂无机关。');
  const top = new Set(topCodes);
  const shown = agencies.filter((a) => top.has(a.code)).slice(0, HOME_AGENCIES_MAX);
  return html`${renderLines(shown.map(lineOf))}${renderAgencyFinder(finderId)}<p><a href="${DIRECTORY_PATH}">全部机关（${agencies.length}个）</a></p>`;
}

const links = (code: string) =>
  html`<span class="sub"><a href="${urls.catalog(code)}">主动公开</a><a href="${urls.apply(code)}">依申请公开</a></span>`;

function entry(line: DirectoryLine, withParent: boolean): SafeHtml {
  const { code, name } = line.agency;
  if (line.context)
    return html`<a href="${urls.section(code)}">${name}</a><span class="muted">（接上页）</span>`;
  const parent =
    withParent && line.parentName ? html`<span class="parent">上级：${line.parentName}</span>` : '';
  return html`<a href="${urls.section(code)}">${name}</a>${parent}${links(code)}`;
}

/** The lines from `start` at `depth` and everything below them, as nested lists; where it stopped. */
function nest(lines: DirectoryLine[], start: number, depth: number): { items: SafeHtml[]; next: number } {
  const items: SafeHtml[] = [];
  let i = start;
  while (i < lines.length && lines[i].depth === depth) {
    const line = lines[i];
    i++;
    let below: SafeHtml | '' = '';
    if (i < lines.length && lines[i].depth > depth) {
      const inner = nest(lines, i, lines[i].depth);
      below = html`<ul>${inner.items}</ul>`;
      i = inner.next;
    }
    items.push(html`<li>${entry(line, false)}${below}</li>`);
  }
  return { items, next: i };
}

function renderTree(lines: DirectoryLine[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let i = 0;
  // a well-formed page is one call; the loop only keeps a malformed one from dropping lines
  while (i < lines.length) {
    const { items, next } = nest(lines, i, lines[i].depth);
    parts.push(...items);
    i = next;
  }
  return html`<ul class="tree">${parts}</ul>`;
}

function renderMatches(lines: DirectoryLine[]): SafeHtml {
  return html`<ul class="tree found">${lines.map((l) => html`<li>${entry(l, true)}</li>`)}</ul>`;
}

function renderBody(view: DirectoryView): SafeHtml {
  if (view.error) return html``;
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const where = pages > 1 ? `，第${view.page}/${pages}页` : '';
  if (view.total === 0)
    return view.q
      ? html`<p class="empty">没有名称含“${view.q}”的机关。请换用名称中的其他字词（如“教育”“街道”）再查找，或<a href="${DIRECTORY_PATH}">查看全部机关</a>。</p>`
      : html`<p class="muted">暂无机关。</p>`;
  const count = view.q
    ? html`<p class="count-line">名称含“${view.q}”的机关共${view.total}个${where}。<a href="${DIRECTORY_PATH}">查看全部机关</a></p>`
    : html`<p class="count-line">共${view.total}个机关${where}，按上下级排列。</p>`;
  const list = view.q ? renderMatches(view.lines) : renderTree(view.lines);
  const pager = renderPager(
    view.page,
    pages,
    (n) => `${DIRECTORY_PATH}${queryString({ q: view.q, page: n > 1 ? n : undefined })}`,
  );
  return html`${count}${list}${pager}`;
}

/** The directory page. */
export function renderDirectory(view: DirectoryView, context: PageContext): string {
  const main = html`<h1>机构导航</h1>${[renderAgencyFinder('d-q', view.q, view.error), renderBody(view)]}`;
  return renderPortalPage({
    title: view.q ? `查找机关：${view.q}` : '机构导航',
    context,
    nav: '/gongkai',
    crumbs: [{ label: '政府信息公开', href: '/gongkai' }, { label: '机构导航' }],
    column: { name: '机构导航', type: '政府信息公开' },
    main,
  });
}
