/**
 * The 网站自查 evidence pack as a printable HTML document (docs/inspection.md “Evidence pack”),
 * printed to PDF by headless Chromium (render/pdf.ts): the title, the agency, the period and when it
 * was made; the summary table; one day strip per agency × indicator (a cell a day: 合格, 预警,
 * 不合格, 未运行); the findings of each agency's last inspected day that was not 合格; and the
 * data's SHA-256 digest at the end and in every page's footer. A4, Noto CJK (fonts-noto-cjk).
 */
import {
  definitionOf,
  type EvidencePack,
  type EvidenceRow,
  periodDaysOf,
  STATE_LABELS,
  valueText,
} from '../../domain/inspection/evidence.ts';
import type { IndicatorState } from '../../domain/inspection/indicators.ts';
import { escapeHtml, html, type SafeHtml } from '../escape.ts';
import type { EvidenceHeading } from './xlsx.ts';

const COLORS: Record<IndicatorState | 'missing', string> = {
  ok: '#52a447',
  alarm: '#e8a200',
  failed: '#d4380d',
  missing: '#d9d9d9',
};

const CSS = (digest: string) => `
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-left { content: "数据摘要（SHA-256）${digest}"; font-size: 7pt; color: #555; }
  @bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 8pt; color: #555; } }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif; font-size: 10pt; color: #111; margin: 0; }
h1 { font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', serif; font-size: 18pt; text-align: center; margin: 0 0 8mm; }
h2 { font-size: 12pt; margin: 7mm 0 3mm; border-bottom: 1px solid #999; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 2mm; }
dl.meta { display: grid; grid-template-columns: 24mm 1fr; gap: 1mm 3mm; margin: 0; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border: 1px solid #888; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef2f8; white-space: nowrap; }
td.d { white-space: nowrap; }
td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
.strip-row { display: grid; grid-template-columns: 52mm 1fr; gap: 2mm; align-items: center; margin: 1mm 0; break-inside: avoid; }
.strip { display: flex; height: 4mm; border: 1px solid #999; }
.strip span { flex: 1 1 0; }
.axis { display: flex; justify-content: space-between; font-size: 7pt; color: #555; margin-left: 54mm; }
.legend span.box { display: inline-block; width: 3mm; height: 3mm; margin: 0 1mm 0 3mm; vertical-align: middle; }
ul.findings { margin: 0 0 2mm; padding-left: 5mm; }
.digest { font-family: 'Noto Sans Mono CJK SC', monospace; word-break: break-all; }
.muted { color: #555; }
`;

function summaryTable(pack: EvidencePack, multi: boolean, nameOf: Map<string, string>): SafeHtml {
  return html`<table>
    <thead><tr>${multi ? html`<th>机关</th>` : ''}<th>指标</th><th>单项否决</th><th>阈值</th><th>合格</th><th>预警</th><th>不合格</th><th>未运行</th><th>最差值</th><th>首次不合格</th><th>最近不合格</th></tr></thead>
    <tbody>${pack.summaries.map(
      (s) =>
        html`<tr>${multi ? html`<td>${nameOf.get(s.agency) ?? s.agency}</td>` : ''}<td>${s.name}</td><td>${
          s.veto ? '是' : '否'
        }</td><td class="d">${s.thresholdLabel}</td><td class="n">${s.days.ok}</td><td class="n">${s.days.alarm}</td><td class="n">${
          s.days.failed
        }</td><td class="n">${s.days.missing}</td><td class="n">${valueText(s.worst, s.unit)}</td><td class="d">${
          s.firstFailedOn ?? '无'
        }</td><td class="d">${s.lastFailedOn ?? '无'}</td></tr>`,
    )}</tbody></table>`;
}

function strips(pack: EvidencePack, days: string[], multi: boolean): SafeHtml {
  const stateOf = new Map(pack.rows.map((r) => [`${r.agency}|${r.indicator}|${r.day}`, r.state]));
  const cell = (key: string, day: string) => {
    const state = stateOf.get(`${key}|${day}`) ?? 'missing';
    return html`<span style="background:${COLORS[state]}" title="${day} ${STATE_LABELS[state]}"></span>`;
  };
  return html`${pack.agencies.map(
    (agency) =>
      html`${multi ? html`<h3>${agency.name}</h3>` : ''}${pack.summaries
        .filter((s) => s.agency === agency.code)
        .map(
          (s) =>
            html`<div class="strip-row"><div>${s.name}</div><div class="strip">${days.map((d) =>
              cell(`${agency.code}|${s.indicator}`, d),
            )}</div></div>`,
        )}<div class="axis"><span>${pack.from}</span><span>${pack.to}</span></div>`,
  )}`;
}

/** Each agency's last inspected day in the period, with its results that were not 合格. */
function lastDayFindings(pack: EvidencePack, multi: boolean): SafeHtml {
  const blocks = pack.agencies.map((agency) => {
    const mine = pack.rows.filter((r) => r.agency === agency.code);
    const last = mine.reduce<string | null>((acc, r) => (acc === null || r.day > acc ? r.day : acc), null);
    if (last === null)
      return html`${multi ? html`<h3>${agency.name}</h3>` : ''}<p class="muted">期间内没有存储的自查结果。</p>`;
    const notOk: EvidenceRow[] = mine.filter((r) => r.day === last && r.state !== 'ok');
    const lines = pack.findings.filter((f) => f.agency === agency.code && f.day === last);
    return html`<h3>${multi ? `${agency.name}：` : ''}${last}</h3>${
      notOk.length === 0
        ? html`<p class="muted">当日各项指标均合格。</p>`
        : notOk.map((r) => {
            const definition = definitionOf(r.indicator, r.threshold);
            const mineLines = lines.filter((f) => f.indicator === r.indicator);
            return html`<p><strong>${definition.name}</strong>（${STATE_LABELS[r.state]}，${valueText(
              r.value,
              definition.unit,
            )}）</p>${mineLines.length > 0 ? html`<ul class="findings">${mineLines.map((f) => html`<li>${f.text}</li>`)}</ul>` : ''}`;
          })
    }`;
  });
  return html`${blocks}`;
}

/** The pack as a standalone HTML document. */
export function evidenceHtml(pack: EvidencePack, heading: EvidenceHeading): string {
  const multi = pack.agencies.length > 1;
  const nameOf = new Map(pack.agencies.map((a) => [a.code, a.name]));
  const days = periodDaysOf(pack.from, pack.to);
  const legend = (['ok', 'alarm', 'failed', 'missing'] as const).map(
    (s) => html`<span class="box" style="background:${COLORS[s]}"></span>${STATE_LABELS[s]}`,
  );
  const body = html`<h1>${heading.title}</h1>
<dl class="meta"><dt>机关</dt><dd>${heading.subject}</dd><dt>期间</dt><dd>${pack.from} 至 ${pack.to}（${pack.periodDays} 天）</dd><dt>生成时间</dt><dd>${heading.generatedAt}</dd>${
    multi ? html`<dt>机关数</dt><dd>${pack.agencies.length} 个</dd>` : ''
  }</dl>
<h2>一、指标汇总</h2>${summaryTable(pack, multi, nameOf)}
<h2>二、逐日状态</h2><p class="legend muted">每格一天：${legend}</p>${strips(pack, days, multi)}
<h2>三、最近一次自查发现的问题</h2>${lastDayFindings(pack, multi)}
<p class="muted">每日结果与全部问题明细见同期的电子表格（XLSX）佐证材料。</p>
<h2>四、数据校验</h2><p>本材料所含 ${pack.rows.length} 条存储的自查结果的数据摘要（SHA-256）：</p><p class="digest">${pack.digest}</p>
<p class="muted">同一机关、同一期间导出的 PDF 与 XLSX 摘要相同；XLSX 的“校验数据”工作表列出计算摘要所用的各行。</p>`;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(
    heading.title,
  )}</title><style>${CSS(pack.digest)}</style></head><body>${body}</body></html>`;
}
