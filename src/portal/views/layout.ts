/**
 * The shell of every portal page: zh-CN, the one stylesheet, no script; the government-site meta
 * tags (meta.ts), a skip link, the red band with the agency's (or the site's) name, the blue
 * navigation, the breadcrumb 首页 > …, an optional left column, the content and the site's footer
 * (footer.ts: 主办单位, 承办单位, 联系我们, 网站地图, 网站标识码, 备案号, the 党政机关 mark). `side`
 * and `main` are SafeHtml, written with the `html` tag (escaping by default), so a page cannot pass
 * unescaped text by mistake.
 */
import { DEFAULT_PORTAL_NAME, DEFAULT_SITE_IDENTITY, type SiteIdentity } from '../../domain/site/settings.ts';
import { html, type SafeHtml } from '../../render/escape.ts';
import { STYLESHEET_URL } from '../assets.ts';
import { renderFooter } from './footer.ts';
import { type ArticleMeta, columnOf, renderMetaTags } from './meta.ts';

/** The portal's name when the installation has set none (the home page's title is the site's name). */
export const PLATFORM_NAME = DEFAULT_PORTAL_NAME;

/** One step of the breadcrumb; the last one (the page itself) has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/** The request facts every page needs: the path (for the text-size link) and the text-size mode. */
export interface PageContext {
  /** the path and query of this page */
  url: string;
  /** 适老化: the larger-text mode */
  large: boolean;
  /** the site's identity (title, meta tags, footer); the installation's defaults when not given */
  site?: SiteIdentity;
}

export interface PortalPage {
  title: string;
  context: PageContext;
  /** the agency whose section this is: its name goes in the band */
  agency?: { code: string; name: string };
  /** the navigation entry of this page (its href) */
  nav?: string;
  crumbs: Crumb[];
  /** the left column */
  side?: SafeHtml;
  /** the content */
  main: SafeHtml;
  /** the column (栏目) for the ColumnName/ColumnType meta tags, when the crumbs do not say it */
  column?: { name: string; type?: string };
  /** an article page's meta tags (ArticleTitle, PubDate, …) */
  article?: ArticleMeta;
}

const NAV: ReadonlyArray<[string, string]> = [
  ['/', '首页'],
  ['/gongkai', '政府信息公开'],
  ['/search', '信息检索'],
  ['/reports', '年度报告'],
  ['/apply', '在线申请'],
  ['/track', '办理查询'],
  ['/deadline', '期限计算'],
  ['/check', '年报体检'],
];

const current = (active: boolean) => (active ? html` aria-current="page"` : '');

/** The link that turns the larger-text mode on or off and comes back to this page. */
export function textSizeLink(context: PageContext): SafeHtml {
  const back = encodeURIComponent(context.url);
  return context.large
    ? html`<a href="/text-size?mode=normal&amp;back=${back}">标准字号</a>`
    : html`<a href="/text-size?mode=large&amp;back=${back}">大字号（适老化）</a>`;
}

function renderCrumbs(crumbs: Crumb[]): SafeHtml {
  const steps = [{ label: '首页', href: '/' }, ...crumbs];
  const items = steps.map((c, i) =>
    i === steps.length - 1 || !c.href
      ? html`<li${current(i === steps.length - 1)}>${c.label}</li>`
      : html`<li><a href="${c.href}">${c.label}</a></li>`,
  );
  return html`<nav class="crumbs wrap" aria-label="当前位置"><ol>${items}</ol></nav>`;
}

/** The document title: the page's, then the site's name (once: a title may already end with it). */
export function documentTitle(pageTitle: string, siteName: string): string {
  if (pageTitle === '' || pageTitle === PLATFORM_NAME || pageTitle === siteName) return siteName;
  return pageTitle.endsWith(` - ${siteName}`) ? pageTitle : `${pageTitle} - ${siteName}`;
}

/** A complete HTML document. */
export function renderPortalPage(page: PortalPage): string {
  const site = page.context.site ?? DEFAULT_SITE_IDENTITY;
  const title = documentTitle(page.title, site.name);
  const brand = page.agency
    ? html`<a class="brand" href="/agencies/${page.agency.code}/gongkai">${page.agency.name}<small>政府信息公开</small></a>`
    : html`<a class="brand" href="/">${site.name}<small>政府信息公开 · 依申请公开 · 年度报告</small></a>`;
  const column = page.column ?? columnOf(page.crumbs, page.nav, page.article !== undefined);
  const nav = NAV.map(
    ([href, label]) => html`<li><a href="${href}"${current(page.nav === href)}>${label}</a></li>`,
  );
  const body = page.side
    ? html`<div class="layout wrap"><aside class="side" aria-label="栏目">${page.side}</aside><main id="main" class="content">\n${page.main}\n</main></div>`
    : html`<div class="layout single wrap"><main id="main" class="content">\n${page.main}\n</main></div>`;
  return [
    html`<!DOCTYPE html>`,
    html`<html lang="zh-CN"${page.context.large ? html` class="large"` : ''}>`,
    html`<head>`,
    html`<meta charset="utf-8">`,
    html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
    html`<title>${title}</title>`,
    renderMetaTags(site, column, page.article),
    html`<link rel="icon" href="${site.favicon}">`,
    html`<link rel="stylesheet" href="${STYLESHEET_URL}">`,
    html`</head>`,
    html`<body>`,
    html`<a class="skip" href="#main">跳到正文</a>`,
    html`<header class="band"><div class="wrap">${brand}`,
    html`<p class="tools">${textSizeLink(page.context)}<a href="/search">检索</a></p></div></header>`,
    html`<nav class="nav" aria-label="主导航"><ul class="wrap">${nav}</ul></nav>`,
    renderCrumbs(page.crumbs),
    body,
    renderFooter(site),
    html`</body>`,
    html`</html>`,
    '',
  ].join('\n');
}
