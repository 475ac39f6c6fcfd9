/**
 * The shell of every portal page: zh-CN, the one stylesheet, no script; a skip link, the red band
 * with the agency's (or the platform's) name, the blue navigation, the breadcrumb 首页 > …, an
 * optional left column and the content. `side` and `main` are SafeHtml, written with the `html` tag
 * (escaping by default), so a page cannot pass unescaped text by mistake.
 */
import { html, type SafeHtml } from '../../render/escape.ts';
import { STYLESHEET_URL } from '../assets.ts';

/** The platform's name, in the band and the titles. */
export const PLATFORM_NAME = '公开 · 政府信息公开平台';

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
}

const NAV: ReadonlyArray<[string, string]> = [
  ['/', '首页'],
  ['/gongkai', '政府信息公开'],
  ['/search', '信息检索'],
  ['/reports', '年度报告'],
  ['/apply', '在线申请'],
  ['/track', '办理查询'],
  ['/deadline', '期限计算'],
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

/** A complete HTML document. */
export function renderPortalPage(page: PortalPage): string {
  const title = page.title === PLATFORM_NAME ? PLATFORM_NAME : `${page.title} - ${PLATFORM_NAME}`;
  const brand = page.agency
    ? html`<a class="brand" href="/agencies/${page.agency.code}/gongkai">${page.agency.name}<small>政府信息公开</small></a>`
    : html`<a class="brand" href="/">${PLATFORM_NAME}<small>政府信息公开 · 依申请公开 · 年度报告</small></a>`;
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
    html`<link rel="icon" href="data:,">`,
    html`<link rel="stylesheet" href="${STYLESHEET_URL}">`,
    html`</head>`,
    html`<body>`,
    html`<a class="skip" href="#main">跳到正文</a>`,
    html`<header class="band"><div class="wrap">${brand}`,
    html`<p class="tools">${textSizeLink(page.context)}<a href="/search">检索</a></p></div></header>`,
    html`<nav class="nav" aria-label="主导航"><ul class="wrap">${nav}</ul></nav>`,
    renderCrumbs(page.crumbs),
    body,
    html`<footer class="foot"><div class="wrap"><p>依据《中华人民共和国政府信息公开条例》公开政府信息。本站不使用脚本，可用键盘浏览；点击“大字号”可放大文字。</p></div></footer>`,
    html`</body>`,
    html`</html>`,
    '',
  ].join('\n');
}
