/**
 * The paper 申请表 as a standalone A4 HTML document (printed to PDF by Chromium, render/pdf.ts):
 * one bordered table of the shared rows (paper-form.ts), empty boxes to write in by hand.
 */
import { escapeHtml } from '../escape.ts';
import {
  addressLines,
  BOX,
  FORM_NOTES,
  FORM_TITLE,
  OFFICE_USE_LINE,
  type PaperFormAgency,
  type PaperRow,
  paperRows,
  SIGNATURE_LINE,
} from './paper-form.ts';

const FONTS = "'SimSun', '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";
const TITLE_FONTS = "'SimHei', '黑体', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

const CSS = `
@page { size: A4; margin: 18mm 18mm 16mm; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONTS}; font-size: 10.5pt; line-height: 1.4; color: #000; }
h1 { font-family: ${TITLE_FONTS}; font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 6pt; letter-spacing: 2pt; }
.to { margin: 0 0 6pt; }
.to p { margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; font-weight: normal; }
col.label { width: 30%; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.section th { font-family: ${TITLE_FONTS}; background: #eee; width: auto; }
.hint { display: block; font-size: 8.5pt; color: #333; }
.req { margin-left: 2pt; }
td.write { height: 1.7em; }
td.choices span { display: inline-block; margin-right: 10pt; white-space: nowrap; }
.after p { margin: 8pt 0 0; }
.notes { margin: 8pt 0 0; padding-left: 1.2em; font-size: 9pt; }
`;

function row(r: PaperRow): string {
  if (r.kind === 'section') {
    const hint = r.hint ? `<span class="hint">${escapeHtml(r.hint)}</span>` : '';
    return `<tr class="section"><th colspan="2">${escapeHtml(r.text)}${hint}</th></tr>`;
  }
  const label = `${escapeHtml(r.label)}${r.required ? '<span class="req">*</span>' : ''}${r.hint ? `<span class="hint">${escapeHtml(r.hint)}</span>` : ''}`;
  if (r.kind === 'choices') {
    const choices = r.choices.map((c) => `<span>${BOX} ${escapeHtml(c)}</span>`).join(' ');
    return `<tr><th scope="row">${label}</th><td class="choices">${choices}</td></tr>`;
  }
  return `<tr><th scope="row">${label}</th><td class="write" style="height:${(1.7 * r.lines).toFixed(1)}em"></td></tr>`;
}

/** The paper form addressed to the agency, as an HTML document. */
export function renderApplicationFormHtml(agency: PaperFormAgency): string {
  const to = addressLines(agency)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');
  const notes = FORM_NOTES.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${FORM_TITLE} - ${agency.name}`)}</title><style>${CSS}</style></head><body>`,
    `<h1>${FORM_TITLE}</h1><div class="to">${to}</div>`,
    `<table><colgroup><col class="label"><col></colgroup><tbody>${paperRows().map(row).join('')}</tbody></table>`,
    `<div class="after"><p>${escapeHtml(SIGNATURE_LINE)}</p><p>${escapeHtml(OFFICE_USE_LINE)}</p></div>`,
    `<ul class="notes">${notes}</ul>`,
    '</body></html>',
  ].join('');
}
