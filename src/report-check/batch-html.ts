/**
 * index.html of a batch check (issue 14): what a 政务公开办 reads first — how many reports, how many
 * with errors, errors by rule and by agency level, requests and their outcomes across agencies
 * (ECharts, server-side SVG, no script), then each report's line and the files that could not be
 * read. One self-contained page.
 */

import { formatById } from '../domain/report/formats/registry.ts';
import { agencyKindOf } from '../domain/report/reading/check.ts';
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS } from '../domain/report/vocabulary.ts';
import { renderStackedBarSvg } from '../render/charts.ts';
import { escapeHtml } from '../render/escape.ts';
import { LEVEL_LABELS } from './batch.ts';
import { type CheckedReport, type CheckResult, isUnreadable } from './check-file.ts';

const CSS = `body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#1f1f1f;line-height:1.6}
h1{font-size:24px}h2{font-size:19px;margin-top:28px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f8}td.n{text-align:right}.err{color:#a8071a}.figure svg{max-width:100%;height:auto}
.totals{display:flex;flex-wrap:wrap;gap:12px}.totals div{border:1px solid #ddd;padding:8px 14px;border-radius:4px}
.wrap{overflow-x:auto}@media (max-width:600px){body{padding:8px}th,td{font-size:13px}}`;

function outcomeGroupTotal(report: CheckedReport, group: string): number {
  const format = formatById(report.format);
  return format.outcomeRows
    .filter((r) => r.group === group)
    .reduce(
      (acc, r) =>
        acc +
        (typeof report.cells[`t3.${r.code}.total`] === 'number'
          ? (report.cells[`t3.${r.code}.total`] as number)
          : 0),
      0,
    );
}

export function batchSummaryHtml(results: readonly CheckResult[]): string {
  const read = results.filter((r): r is CheckedReport => !isUnreadable(r));
  const unreadable = results.filter(isUnreadable);
  const withErrors = read.filter((r) => r.errors > 0);

  const rules = [...new Set(read.flatMap((r) => r.violations.map((v) => v.rule)))].sort(
    (a, b) => Number(a.slice(1)) - Number(b.slice(1)),
  );
  const bySeverity = (severity: string) =>
    rules.map((rule) =>
      read.reduce(
        (acc, r) => acc + r.violations.filter((v) => v.rule === rule && v.severity === severity).length,
        0,
      ),
    );
  const rulesChart = renderStackedBarSvg('各规则发现的问题数', rules, [
    { name: '错误', values: bySeverity('error') },
    { name: '警告', values: bySeverity('warning') },
    { name: '提示', values: bySeverity('notice') },
  ]);
  const ruleRows = rules
    .map((rule) => {
      const name = read.flatMap((r) => r.violations).find((v) => v.rule === rule)?.ruleName ?? '';
      const reports = read.filter((r) => r.violations.some((v) => v.rule === rule)).length;
      const [errors, warnings, notices] = ['error', 'warning', 'notice'].map(
        (sev) => bySeverity(sev)[rules.indexOf(rule)] ?? 0,
      );
      return `<tr><td>${escapeHtml(rule)}</td><td>${escapeHtml(name)}</td><td class="n">${errors}</td><td class="n">${warnings}</td><td class="n">${notices}</td><td class="n">${reports}</td></tr>`;
    })
    .join('\n');

  const levels = Object.keys(LEVEL_LABELS) as Array<keyof typeof LEVEL_LABELS>;
  const ofLevel = (r: CheckedReport) => agencyKindOf(r.agency);
  const levelChart = renderStackedBarSvg(
    '各层级机关报告的检查结果',
    levels.map((l) => LEVEL_LABELS[l]),
    [
      {
        name: '有错误',
        values: levels.map((l) => read.filter((r) => ofLevel(r) === l && r.errors > 0).length),
      },
      {
        name: '无错误',
        values: levels.map((l) => read.filter((r) => ofLevel(r) === l && r.errors === 0).length),
      },
    ],
  );

  const busiest = [...read]
    .filter((r) => typeof r.cells['t3.total.total'] === 'number')
    .sort((a, b) => (b.cells['t3.total.total'] as number) - (a.cells['t3.total.total'] as number))
    .slice(0, 30);
  const outcomesChart = renderStackedBarSvg(
    '各机关依申请公开办理结果（按办理总数前30名）',
    busiest.map((r) => `${r.agency ?? r.file}${r.year ? ` ${r.year}` : ''}`),
    OUTCOME_GROUPS.map((g) => ({
      name: OUTCOME_GROUP_LABELS[g],
      values: busiest.map((r) => outcomeGroupTotal(r, g)),
    })),
    { height: 460 },
  );

  const received = read.reduce(
    (acc, r) => acc + (typeof r.cells['t3.new.total'] === 'number' ? (r.cells['t3.new.total'] as number) : 0),
    0,
  );
  const rows = read
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.file)}</td><td>${escapeHtml(r.agency ?? '（未识别）')}</td><td>${escapeHtml(r.year ?? '')}</td><td>${escapeHtml(r.format)}</td>` +
        `<td class="n">${escapeHtml(typeof r.cells['t3.new.total'] === 'number' ? r.cells['t3.new.total'] : '')}</td>` +
        `<td class="n${r.errors ? ' err' : ''}">${r.errors}</td><td class="n">${r.warnings}</td>` +
        `<td class="n">${Math.min(r.confidence.t2, r.confidence.t3, r.confidence.t4)}</td>` +
        `<td>${r.violations
          .filter((v) => v.severity === 'error')
          .slice(0, 3)
          .map((v) => `${escapeHtml(v.rule)} ${escapeHtml(v.message)}`)
          .join('<br>')}</td></tr>`,
    )
    .join('\n');
  const unreadableRows = unreadable
    .map((u) => `<tr><td>${escapeHtml(u.file)}</td><td>${escapeHtml(u.unreadable)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>年报体检结果</title><style>${CSS}</style></head>
<body>
<h1>政府信息公开工作年度报告体检结果</h1>
<div class="totals"><div>报告 ${results.length} 份</div><div>已读取 ${read.length} 份</div><div class="err">有错误 ${withErrors.length} 份</div><div>无法读取 ${unreadable.length} 份</div><div>本年新收申请合计 ${received} 件</div></div>
<p>明细见同一文件夹中的 reports.csv（每份报告一行，按单元格编码一列）、findings.csv（每个问题一行）和 reports.json。</p>
<h2>问题分布</h2>
<div class="figure">${rulesChart}</div>
<div class="wrap"><table><thead><tr><th>规则</th><th>内容</th><th>错误</th><th>警告</th><th>提示</th><th>涉及报告</th></tr></thead><tbody>
${ruleRows}
</tbody></table></div>
<div class="figure">${levelChart}</div>
<h2>依申请公开办理情况</h2>
<div class="figure">${outcomesChart}</div>
<h2>各报告</h2>
<div class="wrap"><table><thead><tr><th>文件</th><th>机关</th><th>年度</th><th>格式</th><th>本年新收</th><th>错误</th><th>警告</th><th>可信度</th><th>主要错误</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
${unreadable.length ? `<h2>无法读取的文件</h2><div class="wrap"><table><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>\n${unreadableRows}\n</tbody></table></div>` : ''}
</body></html>
`;
}
