/**
 * Print styles of the report, after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/26/35/28 mm,
 * title in 小标宋 二号, body 仿宋 三号, headings 黑体; tables in 宋体 五号 with black rules.
 */
import { escapeHtml } from './escape.ts';

const TITLE_FONTS =
  "'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'FZXBSJW--GB1-0', 'STZhongsong', 'SimSun', '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";
const BODY_FONTS = "'FangSong', 'FangSong_GB2312', '仿宋', '仿宋_GB2312', 'Noto Serif CJK SC', serif";
const HEADING_FONTS = "'SimHei', '黑体', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const TABLE_FONTS = "'SimSun', '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";

/**
 * The page number in print, as the DOCX's footer (docx-style.ts pageNumberFooter) and GB/T 9704-2012
 * 7.5: “— 1 —” in 4号 (14 pt) 宋体, its line 7 mm under the type area, right on odd pages and left on
 * even ones, one character in. CSS page-margin boxes (Chromium ≥ 131).
 */
const PAGE_NUMBER_BOX = `content: "— " counter(page) " —"; font-family: ${TABLE_FONTS}; font-size: 14pt; vertical-align: top; padding-top: 7mm;`;

/** Page rules: only for a standalone document (a fragment must not restyle its host page). */
/**
 * On a phone the A4 margins would leave a finger-wide column: the page's margins shrink, the type
 * stays. Screen only (print keeps GB/T 9704); also added to letters stored before it existed
 * (server/routes/letters: withNarrowScreenCss).
 */
export const NARROW_SCREEN_CSS = `@media screen and (max-width: 640px) {
  body { padding: 0; }
  .gk-report { padding: 20px 16px 32px; box-shadow: none; }
}
`;

export const PAGE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { ${PAGE_NUMBER_BOX} padding-right: 14pt; } }
@page :left { @bottom-left { ${PAGE_NUMBER_BOX} padding-left: 14pt; } }
html, body { margin: 0; padding: 0; }
@media screen {
  body { background: #f2f2f2; padding: 24px 0; }
  .gk-report { background: #fff; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 0 6px #bbb; }
}
${NARROW_SCREEN_CSS}`;

/** Styles scoped to `.gk-report`, safe to embed in another page. */
export const REPORT_CSS = `
.gk-report { font-family: ${BODY_FONTS}; font-size: 16pt; line-height: 1.75; color: #000; max-width: 156mm; margin: 0 auto; }
.gk-report p { margin: 0; text-indent: 2em; text-align: justify; }
.gk-report .gk-title { text-align: center; margin: 0 0 1.5em; }
.gk-report .gk-title p, .gk-report .gk-title h1 { font-family: ${TITLE_FONTS}; font-size: 22pt; font-weight: normal; line-height: 1.5; margin: 0; text-indent: 0; text-align: center; }
.gk-report h2 { font-family: ${HEADING_FONTS}; font-size: 16pt; font-weight: normal; margin: 0.5em 0 0; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
.gk-report section > h2 + .gk-table { margin-top: 0.5em; }
.gk-report .gk-table { width: 100%; border-collapse: separate; border-spacing: 0; border-left: 1px solid #000; margin: 0.5em 0 1em; font-family: ${TABLE_FONTS}; font-size: 10.5pt; line-height: 1.3; break-inside: auto; }
/* Separate borders (right/bottom per cell, top on each table's first row) so that a row ending a page keeps its rule. */
.gk-report .gk-table th, .gk-report .gk-table td { border: 0; border-right: 1px solid #000; border-bottom: 1px solid #000; padding: 2pt 3pt; font-weight: normal; vertical-align: middle; }
.gk-report .gk-table tr.top > * { border-top: 1px solid #000; }
.gk-report .gk-table tr { break-inside: avoid; page-break-inside: avoid; }
.gk-report .gk-table thead { display: table-header-group; break-after: avoid; }
.gk-report .gk-table tbody tr:nth-child(-n+4) { break-after: avoid; page-break-after: avoid; }
.gk-report .gk-table .c { text-align: center; }
.gk-report .gk-table .l { text-align: left; }
.gk-report .gk-table td { font-variant-numeric: tabular-nums; white-space: nowrap; }
.gk-report .gk-table td.flag { background: #fde2e2; outline: 2px solid #c00; outline-offset: -2px; }
.gk-report .gk-t4 th { font-size: 10pt; padding: 3pt 2pt; }
.gk-report .gk-charts { margin-top: 1em; }
.gk-report figure { margin: 0 0 1em; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.gk-report figure svg { width: 100%; max-width: 150mm; height: auto; }
.gk-report figcaption { font-family: ${HEADING_FONTS}; font-size: 12pt; text-indent: 0; }
.gk-report .gk-chart-note { text-align: center; text-indent: 0; font-size: 12pt; }
.gk-report .gk-violations { border: 2px solid #c00; background: #fff5f5; padding: 8pt 12pt; margin: 0 0 1.5em; font-family: ${HEADING_FONTS}; font-size: 11pt; line-height: 1.5; break-inside: avoid; }
.gk-report .gk-violations h2 { color: #c00; text-indent: 0; margin: 0 0 4pt; font-size: 13pt; }
.gk-report .gk-violations p { text-indent: 0; }
.gk-report .gk-violations ul { margin: 4pt 0 0; padding-left: 1.2em; }
.gk-report .gk-violations .sev { display: inline-block; min-width: 2.5em; padding: 0 3pt; margin-right: 4pt; color: #fff; text-align: center; }
.gk-report .gk-violations .error .sev { background: #c00; }
.gk-report .gk-violations .warning .sev { background: #b8860b; }
.gk-report .gk-violations code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; margin-right: 6pt; }
`;

/** A standalone page of the report's style: the document, its title, its CSS and body. */
export function htmlPage(title: string, css: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}${css}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
