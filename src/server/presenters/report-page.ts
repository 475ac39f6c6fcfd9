/**
 * The report page: the report as renderReportHtml draws it (embedded as a fragment, so its styles
 * stay scoped), under the site header, with a breadcrumb and the downloads.
 */
import type { AnnualReport } from '../../domain/report/types.ts';
import { escapeHtml } from '../../render/escape.ts';
import { renderReportHtml, reportTitle } from '../../render/html.ts';
import { PAGE_CSS } from '../../render/html-style.ts';
import { renderPage } from './layout.ts';
import { reportUrls } from './urls.ts';

const REPORT_PAGE_CSS = `
${PAGE_CSS}
body { padding: 0; }
.gk-report, .gk-report * { box-sizing: content-box; }
.gk-report { margin-bottom: 1.5rem; }
.report-bar p { margin: 0; }
.report-bar { max-width: 960px; margin: 0 auto 1rem; display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1rem; font-size: .95rem; }
.report-bar ol { list-style: none; display: flex; gap: .5rem; margin: 0; padding: 0; }
.report-bar ol li + li::before { content: '›'; margin-right: .5rem; color: var(--muted); }
.report-bar .downloads { display: flex; gap: .75rem; }
@media print { .site-header, .site-footer, .report-bar, .skip { display: none; } .site-main { padding: 0; } }
`;

/** The HTML page of one report. */
export function renderReportPage(report: AnnualReport): string {
  const urls = reportUrls(report.agency.code, report.year);
  const title = `${report.agency.name}${reportTitle(report)}`;
  const bar =
    `<nav class="report-bar" aria-label="位置与下载">` +
    `<ol><li><a href="/">首页</a></li><li>${escapeHtml(report.agency.name)}</li>` +
    `<li aria-current="page">${report.year}年度报告</li></ol>` +
    `<p class="downloads">下载：<a href="${escapeHtml(urls.docx)}">DOCX</a>` +
    `<a href="${escapeHtml(urls.pdf)}">PDF</a><a href="${escapeHtml(urls.html)}">HTML</a>` +
    `<a href="${escapeHtml(urls.json)}">JSON</a></p></nav>`;
  const main = `${bar}\n${renderReportHtml(report, { standalone: false })}`;
  return renderPage({ title, main, css: REPORT_PAGE_CSS });
}
