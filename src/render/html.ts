/**
 * The annual report as one self-contained HTML5 document (no script, no external resource) that
 * prints like the official report: title block, preamble, the six sections, the charts.
 */
import { formatById } from '../domain/report/formats/registry.ts';
import { narrativeOf, sectionTexts } from '../domain/report/sections.ts';
import type { AnnualReport, ReportSection, Violation } from '../domain/report/types.ts';
import { chartTitles, reportCharts } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { htmlPage, REPORT_CSS } from './html-style.ts';
import { renderTableHtml } from './html-table.ts';
import { buildTables, type TableModel } from './table-model.ts';

export interface RenderHtmlOptions {
  /** A whole document (default) or only the `<article>` with its scoped `<style>`, to embed in a page. */
  standalone?: boolean;
  /**
   * The staff preview of a draft: the 校验结果 box and the flagged cells. Never for a published
   * version, its public page or its downloads: they print the approver's 说明 instead, if any.
   */
  preview?: boolean;
}

const TABLE_OF_SECTION: Partial<Record<ReportSection['key'], TableModel['id']>> = {
  proactive: 't2',
  requests: 't3',
  reviews: 't4',
};

const SEVERITY_LABELS: Record<Violation['severity'], string> = { error: '错误', warning: '警告' };

/** The report's title as printed: “{year}年政府信息公开工作年度报告”. */
export function reportTitle(report: AnnualReport): string {
  return `${report.year}年政府信息公开工作年度报告`;
}

const paragraphs = (texts: string[]): string => texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n');

function renderViolations(violations: Violation[]): string {
  if (violations.length === 0) return '';
  const errors = violations.filter((v) => v.severity === 'error').length;
  const items = violations
    .map(
      (v) =>
        `<li class="${v.severity === 'error' ? 'error' : 'warning'}"><span class="sev">${escapeHtml(SEVERITY_LABELS[v.severity])}</span>` +
        `<code>${escapeHtml(v.code)}</code>${escapeHtml(v.message)}</li>`,
    )
    .join('\n');
  return (
    `<aside class="gk-violations" role="note" aria-labelledby="gk-violations-title">` +
    `<h2 id="gk-violations-title">校验结果</h2>` +
    `<p>共${violations.length}项：错误${errors}项，警告${violations.length - errors}项。</p>\n<ul>\n${items}\n</ul></aside>`
  );
}

function renderCharts(report: AnnualReport): string {
  const charts = reportCharts(report);
  const titles = chartTitles(report.year);
  const figure = (n: number, svg: string, title: string) =>
    `<figure aria-label="${escapeHtml(title)}">${svg}<figcaption>附图${n}</figcaption></figure>`;
  return (
    `<section class="gk-charts" aria-label="附图">\n` +
    `${figure(1, charts.publications, titles.publications)}\n` +
    `${figure(2, charts.requests, titles.requests)}\n</section>`
  );
}

/** The approver's 说明 of a version published over errors, as a paragraph of the report. */
function renderNote(report: AnnualReport): string {
  const note = report.publicationNote?.trim();
  if (!note) return '';
  return `<section class="gk-note" aria-label="说明">\n<p><strong>说明：</strong>${escapeHtml(note)}</p>\n</section>\n`;
}

function renderSections(report: AnnualReport, preview: boolean): string {
  const format = formatById(report.format);
  const tables = new Map(buildTables(report.cells, format).map((t) => [t.id, t]));
  const flagged = new Set(preview ? report.violations.flatMap((v) => v.cells) : []);
  return format.sections
    .map((section) => {
      const tableId = TABLE_OF_SECTION[section.key];
      const table = tableId ? tables.get(tableId) : undefined;
      const body = table
        ? renderTableHtml(table, flagged)
        : paragraphs(sectionTexts(narrativeOf(report.narrative, section.key) ?? []));
      return `<section class="gk-section" data-section="${escapeHtml(section.key)}">\n<h2>${escapeHtml(section.heading)}</h2>\n${body}\n</section>`;
    })
    .join('\n');
}

/**
 * The annual report as HTML: a complete A4 print document, or an embeddable fragment. The
 * validation results appear only in the staff preview (`preview`); a published version prints
 * its 说明 instead, if it has one.
 */
export function renderReportHtml(report: AnnualReport, options: RenderHtmlOptions = {}): string {
  const preview = options.preview === true;
  const article =
    `<article class="gk-report">\n` +
    `<header class="gk-title"><p>${escapeHtml(report.agency.name)}</p><h1>${escapeHtml(reportTitle(report))}</h1></header>\n` +
    `${preview ? renderViolations(report.violations) : ''}\n` +
    `<section class="gk-preamble">\n${paragraphs(report.preamble)}\n</section>\n` +
    `${renderNote(report)}${renderSections(report, preview)}\n${renderCharts(report)}\n</article>`;
  if (options.standalone === false) return `<style>${REPORT_CSS}</style>\n${article}`;
  return htmlPage(report.agency.name + reportTitle(report), REPORT_CSS, article);
}
