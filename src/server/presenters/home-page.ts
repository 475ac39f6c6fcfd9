/** The home page: every agency and, for each, its annual reports by year with their downloads. */
import { AGENCY_KIND_LABELS, type AgencyKind } from '../../domain/report/codes.ts';
import { escapeHtml } from '../../render/escape.ts';
import type { AgencySummary } from '../queries/agencies.ts';
import { PLATFORM_NAME, renderPage } from './layout.ts';
import { reportUrls } from './urls.ts';

const HOME_CSS = `
.intro { color: var(--muted); margin: 0 0 1.5rem; }
.agencies { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
.agency { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; }
.agency h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.agency .kind { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
.reports { list-style: none; margin: 0; padding: 0; }
.reports li { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1rem; padding: .5rem 0; border-top: 1px solid #eaeef2; }
.reports .title { font-weight: 600; min-width: 16em; }
.downloads { display: inline-flex; gap: .75rem; font-size: .9rem; }
.empty { color: var(--muted); }
`;

const kindLabel = (kind: string): string => AGENCY_KIND_LABELS[kind as AgencyKind] ?? kind;

function renderReportItem(agency: AgencySummary, year: number): string {
  const urls = reportUrls(agency.code, year);
  const title = `${year}年政府信息公开工作年度报告`;
  const label = (format: string) => `${escapeHtml(agency.name)}${year}年度报告 ${format} 格式`;
  return (
    `<li><a class="title" href="${escapeHtml(urls.page)}">${escapeHtml(title)}</a>` +
    `<span class="downloads">` +
    `<a href="${escapeHtml(urls.docx)}" aria-label="${label('DOCX')}">DOCX</a>` +
    `<a href="${escapeHtml(urls.pdf)}" aria-label="${label('PDF')}">PDF</a>` +
    `<a href="${escapeHtml(urls.json)}" aria-label="${label('JSON')}" type="application/json">JSON</a>` +
    `</span></li>`
  );
}

function renderAgency(agency: AgencySummary): string {
  const headingId = `agency-${agency.code}`;
  const reports =
    agency.years.length > 0
      ? `<ul class="reports">\n${agency.years.map((year) => renderReportItem(agency, year)).join('\n')}\n</ul>`
      : '<p class="empty">尚无年度报告。</p>';
  return (
    `<li class="agency"><section aria-labelledby="${escapeHtml(headingId)}">` +
    `<h2 id="${escapeHtml(headingId)}">${escapeHtml(agency.name)}</h2>` +
    `<p class="kind">${escapeHtml(kindLabel(agency.kind))}</p>\n${reports}</section></li>`
  );
}

/** The home page HTML. */
export function renderHomePage(agencies: AgencySummary[]): string {
  const list =
    agencies.length > 0
      ? `<ul class="agencies">\n${agencies.map(renderAgency).join('\n')}\n</ul>`
      : '<p class="empty">尚无机关。</p>';
  const main =
    `<h1>政府信息公开工作年度报告</h1>\n` +
    `<p class="intro">按机关浏览各年度的政府信息公开工作年度报告，可在线阅读，或下载 Word（DOCX）、PDF 和数据（JSON）。</p>\n` +
    list;
  return renderPage({ title: PLATFORM_NAME, main, css: HOME_CSS });
}
