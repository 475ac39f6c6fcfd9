/**
 * 年报体检 (`/check`, issue 14): the upload form (a report file and, optionally, the previous
 * year's) and the result — the agency, year, format and confidence per table as read, the three
 * tables laid out as the format prints them with the cells read (an unreadable or blank cell marked
 * “？” with its reason, flagged cells highlighted), the findings, and the six sections' headings.
 * No script: a plain multipart form.
 */
import { formatById } from '../../domain/report/formats/registry.ts';
import type { Cells } from '../../domain/report/types.ts';
import { html, type SafeHtml, trustedHtml } from '../../render/escape.ts';
import { REPORT_CSS } from '../../render/html-style.ts';
import { renderTableHtml } from '../../render/html-table.ts';
import type { CheckedReport } from '../../report-check/check-file.ts';
import type { FieldErrors } from './fields.ts';
import { type PageContext, renderPortalPage } from './layout.ts';

/** The largest file the page takes, in MB (each of the two fields). */
export const CHECK_MAX_MB = 20;

const SOURCE_LABELS: Record<CheckedReport['source'], string> = {
  pdf: 'PDF',
  docx: 'Word（DOCX）',
  html: '网页（HTML）',
  text: '纯文本',
  markdown: 'Markdown',
};
const SEVERITY_LABELS: Record<CheckedReport['violations'][number]['severity'], string> = {
  error: '错误',
  warning: '警告',
  notice: '提示',
};
const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

/** Who is checking: anonymous (nothing kept), or signed-in staff whose check is kept. */
export type CheckKeeping = 'anonymous' | 'staff' | 'signed_in_without_role';

export interface CheckFormView {
  errors: FieldErrors;
  csrf: string;
  keeping: CheckKeeping;
}

export interface CheckResultView {
  report: CheckedReport;
  /** the previous year's report given with it: its agency and year as read */
  previous: { file: string; agency: string | null; year: number | null } | null;
  /** the kept check's number (signed-in staff), else null: nothing kept */
  keptId: number | null;
}

const KEEPING_NOTES: Record<CheckKeeping, string> = {
  anonymous: '上传的文件只用于本次检查：检查结果直接显示在页面上，文件和结果均不保存。',
  staff: '您已登录为工作人员：本次检查的结果（不含文件本身）将保存为年报体检记录，并记入操作日志。',
  signed_in_without_role: '您已登录，但在任何机关都没有角色：检查结果不会保存。',
};

function fileField(
  name: string,
  label: string,
  hint: string,
  errors: FieldErrors,
  required: boolean,
): SafeHtml {
  const messages = errors[name] ?? [];
  const ids = [`f-${name}-hint`, ...(messages.length > 0 ? [`f-${name}-error`] : [])].join(' ');
  return html`<div class="field${messages.length > 0 ? ' invalid' : ''}"><label for="f-${name}">${label}${required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label><p class="hint" id="f-${name}-hint">${hint}</p><input id="f-${name}" name="${name}" type="file" accept=".pdf,.docx,.html,.htm,.txt,.md" aria-describedby="${ids}"${messages.length > 0 ? html` aria-invalid="true"` : ''}${required ? html` required` : ''}>${messages.length > 0 ? html`<p class="error" id="f-${name}-error">${messages.join('；')}</p>` : ''}</div>`;
}

function uploadForm(view: CheckFormView): SafeHtml {
  const types = 'PDF（须有文字层，扫描件无法读取）、Word（DOCX）、网页（HTML）、纯文本或 Markdown';
  return html`<form method="post" action="/check" enctype="multipart/form-data" class="check-form"><input type="hidden" name="_csrf" value="${view.csrf}">${[
    view.errors._csrf ? html`<p class="error" role="alert">${view.errors._csrf.join('；')}</p>` : '',
    fileField('report', '报告文件', `${types}，不超过 ${CHECK_MAX_MB} MB。`, view.errors, true),
    fileField(
      'previous',
      '上年报告（可选）',
      `同一机关上一年度的报告，用于核对跨年度数据（本年“上年结转”与上年“结转下年度”等）和雷同比例；不超过 ${CHECK_MAX_MB} MB。`,
      view.errors,
      false,
    ),
  ]}<p class="muted">${KEEPING_NOTES[view.keeping]}</p><button type="submit">开始检查</button></form>`;
}

const INTRO = html`<p>上传任一机关已公开的《政府信息公开工作年度报告》，系统读取报告中的三张统计表和六个部分，按年度报告格式（2021年版、2019年试行版）逐项核对：表内勾稽关系、跨年度衔接、必备章节、正文数字与表格是否一致、与上年报告雷同比例等，并列出发现的问题。</p>`;

/** The page with the form (and its errors). */
export function renderCheckForm(view: CheckFormView, context: PageContext): string {
  return page(html`<h1>年报体检</h1>${INTRO}${uploadForm(view)}`, context);
}

function facts(view: CheckResultView): SafeHtml {
  const r = view.report;
  const format = formatById(r.format);
  const confidence = (['t2', 't3', 't4'] as const)
    .map((t) => `${TABLE_NAMES[t]} ${Math.round(r.confidence[t] * 100)}%`)
    .join('，');
  const prev = view.previous;
  return html`<dl class="facts">${[
    html`<dt>文件</dt><dd>${r.file}（${SOURCE_LABELS[r.source]}）</dd>`,
    html`<dt>机关</dt><dd>${r.agency ?? '未能识别'}</dd>`,
    html`<dt>年度</dt><dd>${r.year === null ? '未能识别' : `${r.year}年度`}</dd>`,
    html`<dt>格式</dt><dd>${format.citation}（${r.formatBy === 'heads' ? '按表头识别' : '按年度推定'}）</dd>`,
    html`<dt>读取可信度</dt><dd>${confidence}</dd>`,
    html`<dt>检查结果</dt><dd><strong>错误 ${r.errors} 项，警告 ${r.warnings} 项</strong></dd>`,
    prev
      ? html`<dt>对照的上年报告</dt><dd>${prev.file}（${prev.agency ?? '未能识别机关'}，${prev.year === null ? '未能识别年度' : `${prev.year}年度`}）</dd>`
      : '',
  ]}</dl>`;
}

function findings(report: CheckedReport): SafeHtml {
  if (report.violations.length === 0)
    return html`<section aria-labelledby="findings"><h2 id="findings">发现的问题</h2><p>未发现问题。</p></section>`;
  const rows = report.violations.map(
    (v) =>
      html`<tr class="sev-${v.severity}"><td>${SEVERITY_LABELS[v.severity]}</td><td>${v.rule} ${v.ruleName}</td><td>${v.message}${
        v.sentences.length > 0
          ? html`<ul class="sentences">${v.sentences.map((s) => html`<li>${s}</li>`)}</ul>`
          : ''
      }</td></tr>`,
  );
  return html`<section aria-labelledby="findings"><h2 id="findings">发现的问题（${report.violations.length}项）</h2><div class="table-wrap"><table class="data findings"><thead><tr><th scope="col">程度</th><th scope="col">规则</th><th scope="col">说明</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function tables(report: CheckedReport): SafeHtml {
  const format = formatById(report.format);
  const cells: Cells = {};
  for (const [code, value] of Object.entries(report.cells)) if (value !== null) cells[code] = value;
  const flagged = new Set(report.violations.flatMap((v) => v.cells));
  const rendered = format
    .tables(cells)
    .map(
      (table) =>
        html`<h3>${TABLE_NAMES[table.id]}</h3><div class="table-wrap">${trustedHtml(renderTableHtml(table, flagged, report.unreadable))}</div>`,
    );
  return html`<section aria-labelledby="tables"><h2 id="tables">读取的统计表</h2><p class="muted">表中为从报告读出的数字；标“？”的单元格未能读出（空白或无法识别，鼠标悬停可见原因）；红框标出的单元格与发现的问题有关。</p>${trustedHtml(`<style>${REPORT_CSS}</style>`)}<div class="gk-report check-tables">${rendered}</div></section>`;
}

function sections(report: CheckedReport): SafeHtml {
  const items = report.sections.map(
    (s) =>
      html`<li>${s.heading}：${s.printedHeading === null ? html`<strong>未找到</strong>` : html`“${s.printedHeading}”`}</li>`,
  );
  return html`<section aria-labelledby="sections"><h2 id="sections">报告的六个部分</h2><ol class="check-sections">${items}</ol></section>`;
}

/** The result page: what was read, the findings, the form again for the next report. */
export function renderCheckResult(view: CheckResultView, form: CheckFormView, context: PageContext): string {
  const kept =
    view.keptId === null
      ? html`<p class="muted">本次检查未保存任何内容。</p>`
      : html`<p class="notice">检查结果已保存（年报体检记录 ${view.keptId} 号）。</p>`;
  const main = html`<h1>年报体检结果</h1>${kept}${facts(view)}${findings(view.report)}${tables(view.report)}${sections(view.report)}<h2>检查另一份报告</h2>${uploadForm(form)}`;
  return page(main, context);
}

function page(main: SafeHtml, context: PageContext): string {
  return renderPortalPage({
    title: '年报体检',
    context,
    nav: '/check',
    crumbs: [{ label: '年度报告', href: '/reports' }, { label: '年报体检' }],
    main,
  });
}
