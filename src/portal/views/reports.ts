/**
 * Annual reports as published: `/reports`, every agency's published reports by year, and one
 * published version as HTML (the renderer's fragment of the frozen report, with its own scoped
 * styles) with its downloads (DOCX, PDF, HTML, JSON) and, once corrected, every version.
 */
import type { VersionSummary } from '../../db/queries/report-versions.ts';
import type { AnnualReport } from '../../domain/report/types.ts';
import { html, joinHtml, type SafeHtml, trustedHtml } from '../../render/escape.ts';
import { renderReportHtml, reportTitle } from '../../render/html.ts';
import { openDataUrls, publishedReportUrls } from '../../server/presenters/urls.ts';
import type { AgencySummary } from '../../server/queries/agencies.ts';
import { type PageContext, renderPortalPage } from './layout.ts';
import { urls } from './parts.ts';

/** Download links; `inList` names the version in each link's label (a page lists several). */
function downloads(code: string, year: number, name: string, version?: number, inList = false): SafeHtml {
  const u = publishedReportUrls(code, year, version);
  const which = inList ? `第${version}版` : '';
  const label = (format: string) => `${name}${year}年度报告${which} ${format} 格式`;
  return joinHtml(
    [
      html`<a href="${u.docx}" aria-label="${label('DOCX')}">DOCX</a>`,
      html`<a href="${u.pdf}" aria-label="${label('PDF')}">PDF</a>`,
      html`<a href="${u.json}" aria-label="${label('JSON')}" type="application/json">JSON数据</a>`,
    ],
    ' ',
  );
}

/**
 * “开放数据：JSON、CSV”: the published reports by cell code (docs/open-data.md), of an agency (every
 * year) or of a year (every agency); `what` names them in the links' labels.
 */
export function openDataLinks(scope: { agency: string } | { year: number }, what: string): SafeHtml {
  const u = openDataUrls(scope);
  return html`<p class="open-data">开放数据：<a href="${u.json}" type="application/json" aria-label="${what}开放数据 JSON 格式">JSON</a>、<a href="${u.csv}" type="text/csv" aria-label="${what}开放数据 CSV 格式">CSV</a><span class="muted">（按统计表单元格代码逐项列出）</span></p>`;
}

/** Every agency's reports, grouped by year (newest first), one row per agency. */
export function renderReportList(agencies: AgencySummary[], context: PageContext): string {
  const years = [...new Set(agencies.flatMap((a) => a.reportYears))].sort((a, b) => b - a);
  const sections = years.map((year) => {
    const rows = agencies
      .filter((a) => a.reportYears.includes(year))
      .map(
        (a) =>
          html`<tr><th scope="row"><a href="${publishedReportUrls(a.code, year).page}">${a.name}${year}年政府信息公开工作年度报告</a></th><td>${downloads(a.code, year, a.name)}</td></tr>`,
      );
    const data = openDataLinks({ year }, `${year}年度各机关年度报告`);
    return html`<section aria-labelledby="y${year}"><h2 id="y${year}">${year}年度</h2>${data}<table class="data"><thead><tr><th scope="col">报告</th><th scope="col">下载</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  });
  const main = html`<h1>政府信息公开工作年度报告</h1>${[
    html`<p class="muted">各机关按年度编制的政府信息公开工作年度报告，可在线阅读，或下载 Word（DOCX）、PDF 和数据（JSON）。</p>`,
    html`<p>检查任一机关已公开的年度报告（表内勾稽、跨年度衔接、正文与表格是否一致）：<a href="/check">年报体检</a>。</p>`,
    sections.length > 0 ? sections : html`<p>尚无年度报告。</p>`,
  ]}`;
  return renderPortalPage({
    title: '政府信息公开工作年度报告',
    context,
    nav: '/reports',
    crumbs: [{ label: '年度报告' }],
    main,
  });
}

/** What a report page shows, the report rendered once (its charts are dear to draw). */
export interface ReportPageData {
  code: string;
  name: string;
  year: number;
  title: string;
  /** the published version shown */
  version: number;
  /** the report as an HTML fragment with its scoped styles */
  fragment: SafeHtml;
}

/** Renders a published version of a report for its page. */
export function reportPageData(report: AnnualReport, version: number): ReportPageData {
  return {
    code: report.agency.code,
    name: report.agency.name,
    year: report.year,
    version,
    title: `${report.agency.name}${reportTitle(report)}`,
    // the report renderer escapes every value itself (src/render/html.ts)
    fragment: trustedHtml(renderReportHtml(report, { standalone: false })),
  };
}

/** The published versions of the year: the first publication and each correction with its reason. */
function versionList(page: ReportPageData, versions: VersionSummary[]): SafeHtml | '' {
  if (versions.length < 2) return '';
  const rows = versions.map((v) => {
    const base = v.version === 1 ? '首次发布' : `更正：${v.reason ?? ''}`;
    // the approver's 说明 of a version published over errors (never the validation output)
    const what = v.note ? `${base}；说明：${v.note}` : base;
    const current = v.version === page.version ? html` aria-current="page"` : '';
    const href = publishedReportUrls(page.code, page.year, v.version).page;
    return html`<tr><th scope="row"><a href="${href}"${current}>第${v.version}版</a></th><td>${v.publishedOn}</td><td>${what}</td><td>${downloads(page.code, page.year, page.name, v.version, true)}</td></tr>`;
  });
  return html`<section aria-labelledby="versions"><h2 id="versions">版本</h2><table class="data"><thead><tr><th scope="col">版本</th><th scope="col">发布日期</th><th scope="col">说明</th><th scope="col">下载</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** One published version's page, with the list of versions when the report was corrected. */
export function renderReportPage(
  report: ReportPageData,
  versions: VersionSummary[],
  context: PageContext,
): string {
  const { code, name, year, version } = report;
  const u = publishedReportUrls(code, year, version);
  const latest = versions.at(-1)?.version ?? version;
  const note =
    version < latest
      ? html`<p class="notice">这是第${version}版，已被更正；<a href="${publishedReportUrls(code, year).page}">阅读最新版本（第${latest}版）</a>。</p>`
      : '';
  const bar = html`<p class="notice">下载：${downloads(code, year, name, version)} <a href="${u.html}">单独的HTML文件</a></p>${openDataLinks({ agency: code }, `${name}各年度报告`)}`;
  return renderPortalPage({
    title: report.title,
    context,
    agency: { code, name },
    nav: '/reports',
    crumbs: [
      { label: '政府信息公开', href: '/gongkai' },
      { label: name, href: urls.section(code) },
      { label: '年度报告', href: urls.reports(code) },
      { label: `${year}年度报告` },
    ],
    main: html`${note}${bar}${versionList(report, versions)}<div class="gk-report-page">${report.fragment}</div>`,
  });
}
