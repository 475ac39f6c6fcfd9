/**
 * The shell of every server-rendered page: zh-CN, no script, no external resource, a header with
 * the platform name, a skip link and landmarks. Callers pass already-escaped HTML for `main`.
 */
import { escapeHtml } from '../../render/escape.ts';

/** The platform's name as shown in the header and the home page title. */
export const PLATFORM_NAME = '公开 · 政府信息公开平台';

const SITE_CSS = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #a61b1b; --link: #0b5cad; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.6; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid #f2b600; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 10; }
.site-header { background: #fff; border-top: 4px solid var(--accent); border-bottom: 1px solid var(--line); }
.site-header .inner, .site-main, .site-footer { max-width: 960px; margin: 0 auto; padding: 0 1.25rem; }
.site-header .inner { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; padding-top: .9rem; padding-bottom: .9rem; }
.brand { font-size: 1.35rem; font-weight: 700; color: var(--accent); text-decoration: none; letter-spacing: .05em; white-space: nowrap; }
.tagline { color: var(--muted); font-size: .9rem; }
.site-main { padding-top: 1.5rem; padding-bottom: 2rem; }
.site-footer { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
`;

export interface PageOptions {
  /** the document title (the platform name is appended) */
  title: string;
  /** the content of `<main>`, already escaped */
  main: string;
  /** page-specific CSS */
  css?: string;
}

/** A complete HTML document around the given main content. */
export function renderPage(options: PageOptions): string {
  const title = options.title === PLATFORM_NAME ? PLATFORM_NAME : `${options.title} - ${PLATFORM_NAME}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${SITE_CSS}${options.css ?? ''}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">跳到正文</a>',
    '<header class="site-header"><div class="inner">',
    `<a class="brand" href="/">${escapeHtml(PLATFORM_NAME)}</a>`,
    '<span class="tagline">政府信息公开工作年度报告</span>',
    '</div></header>',
    `<main id="main" class="site-main">\n${options.main}\n</main>`,
    '<footer class="site-footer"><p>各机关依《中华人民共和国政府信息公开条例》编制并公布政府信息公开工作年度报告。</p></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
