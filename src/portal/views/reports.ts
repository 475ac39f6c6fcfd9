/**
 * Annual reports: `/reports`, every agency's reports by year, and one report as HTML (the
 * renderer's fragment, with its own scoped styles) with its downloads (DOCX, PDF, HTML, JSON).
 */
import type { AnnualReport } from '../../domain/report/types.ts';
import { escapeHtml } from '../../render/escape.ts';
import { renderReportHtml, reportTitle } from '../../render/html.ts';
import { reportUrls } from '../../server/presenters/urls.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { urls } from './parts.ts';

function downloads(code: string, year: number, name: string): string {
  const u = reportUrls(code, year);
  const label = (format: string) => `${escapeHtml(name)}${year}年度报告 ${format} 格式`;
  return (
    `<a href="${escapeHtml(u.docx)}" aria-label="${label('DOCX')}">DOCX</a> ` +
    `<a href="${escapeHtml(u.pdf)}" aria-label="${label('PDF')}">PDF</a> ` +
    `<a href="${escapeHtml(u.json)}" aria-label="${label('JSON')}" type="application/json">JSON数据</a>`
  );
}

/** Every agency's reports, grouped by year (newest first), one row per agency. */
export function renderReportList(agencies: AgencySummary[], context: PageContext): string {
  const years = [...new Set(agencies.flatMap((a) => a.years))].sort((a, b) => b - a);
  const sections = years.map((year) => {
    const rows = agencies
      .filter((a) => a.years.includes(year))
      .map(
        (a) =>
          `<tr><th scope="row"><a href="${escapeHtml(reportUrls(a.code, year).page)}">${escapeHtml(a.name)}${year}年政府信息公开工作年度报告</a></th>` +
          `<td>${downloads(a.code, year, a.name)}</td></tr>`,
      );
    return (
      `<section aria-labelledby="y${year}"><h2 id="y${year}">${year}年度</h2>` +
      `<table class="data"><thead><tr><th scope="col">报告</th><th scope="col">下载</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
    );
  });
  const main =
    '<h1>政府信息公开工作年度报告</h1>' +
    '<p class="muted">各机关按年度编制的政府信息公开工作年度报告，可在线阅读，或下载 Word（DOCX）、PDF 和数据（JSON）。</p>' +
    (sections.length > 0 ? sections.join('') : '<p>尚无年度报告。</p>');
  return renderPortalPage({
    title: '政府信息公开工作年度报告',
    context,
    nav: '/reports',
    crumbs: [{ label: '年度报告' }],
    main,
  });
}

/** One report's page. */
export function renderReportPage(report: AnnualReport, context: PageContext): string {
  const { code, name } = report.agency;
  const u = reportUrls(code, report.year);
  const bar = `<p class="notice">下载：${downloads(code, report.year, name)} <a href="${escapeHtml(u.html)}">单独的HTML文件</a></p>`;
  return renderPortalPage({
    title: `${name}${reportTitle(report)}`,
    context,
    agency: { code, name },
    nav: '/reports',
    crumbs: [
      { label: '政府信息公开', href: '/gongkai' },
      { label: name, href: urls.section(code) },
      { label: '年度报告', href: urls.reports(code) },
      { label: `${report.year}年度报告` },
    ],
    main: `${bar}<div class="gk-report-page">${renderReportHtml(report, { standalone: false })}</div>`,
  });
}
