/**
 * The 网站自查 evidence pack as XLSX (docs/inspection.md “Evidence pack”): 汇总 (the pack's heading
 * and one row per agency × indicator), one sheet per indicator with its daily values, 问题明细 (the
 * stored findings of every day not 合格), and 校验数据 — the canonical lines whose SHA-256 is the
 * digest printed in the pack (column A, one line per stored result).
 */
import ExcelJS from 'exceljs';
import {
  definitionOf,
  type EvidencePack,
  indicatorOrder,
  STATE_LABELS,
  valueText,
} from '../../domain/inspection/evidence.ts';
import { INDICATOR_STATE_LABELS } from '../../domain/inspection/indicators.ts';

export interface EvidenceHeading {
  title: string;
  /** the agency, or the subtree's root “及下级机关” */
  subject: string;
  /** when the pack was made, as printed */
  generatedAt: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function headerRow(sheet: ExcelJS.Worksheet, labels: string[]): void {
  const row = sheet.addRow(labels);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 28);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

/** The pack as an XLSX workbook. */
export async function evidenceXlsx(pack: EvidencePack, heading: EvidenceHeading): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  const nameOf = new Map(pack.agencies.map((a) => [a.code, a.name]));
  const multi = pack.agencies.length > 1;
  const taken = new Set<string>();

  const summary = workbook.addWorksheet(sheetName('汇总', taken));
  summary.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  summary.columns = [
    { width: 22 },
    { width: 36 },
    { width: 10 },
    { width: 14 },
    { width: 8 },
    { width: 8 },
    { width: 8 },
    { width: 8 },
    { width: 12 },
    { width: 14 },
    { width: 14 },
  ];
  summary.addRow([heading.title]).font = { bold: true, size: 14 };
  summary.addRow(['机关', heading.subject]);
  summary.addRow(['期间', `${pack.from} 至 ${pack.to}（${pack.periodDays} 天）`]);
  summary.addRow(['生成时间', heading.generatedAt]);
  summary.addRow(['数据摘要（SHA-256）', pack.digest]);
  summary.addRow([]);
  headerRow(summary, [
    '机关',
    '指标',
    '单项否决',
    '阈值',
    '合格天数',
    '预警天数',
    '不合格天数',
    '未运行天数',
    '最差值',
    '首次不合格',
    '最近不合格',
  ]);
  for (const s of pack.summaries)
    summary.addRow([
      nameOf.get(s.agency) ?? s.agency,
      s.name,
      s.veto ? '是' : '否',
      s.thresholdLabel,
      s.days.ok,
      s.days.alarm,
      s.days.failed,
      s.days.missing,
      valueText(s.worst, s.unit),
      s.firstFailedOn ?? '无',
      s.lastFailedOn ?? '无',
    ]);

  for (const indicator of indicatorOrder(pack.summaries.map((s) => s.indicator))) {
    const definition = definitionOf(indicator);
    const sheet = workbook.addWorksheet(sheetName(definition.name, taken));
    sheet.columns = multi
      ? [{ width: 22 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }]
      : [{ width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }];
    headerRow(sheet, [...(multi ? ['机关'] : []), '日期', '数值', '阈值', '状态']);
    for (const r of pack.rows.filter((row) => row.indicator === indicator))
      sheet.addRow([
        ...(multi ? [nameOf.get(r.agency) ?? r.agency] : []),
        r.day,
        r.value,
        r.threshold,
        INDICATOR_STATE_LABELS[r.state] ?? STATE_LABELS.missing,
      ]);
  }

  const findings = workbook.addWorksheet(sheetName('问题明细', taken));
  findings.columns = [{ width: 22 }, { width: 12 }, { width: 30 }, { width: 8 }, { width: 80 }];
  headerRow(findings, ['机关', '日期', '指标', '状态', '情况']);
  for (const f of pack.findings)
    findings.addRow([
      nameOf.get(f.agency) ?? f.agency,
      f.day,
      definitionOf(f.indicator).name,
      INDICATOR_STATE_LABELS[f.state],
      f.text,
    ]);

  const check = workbook.addWorksheet(sheetName('校验数据', taken));
  check.columns = [{ width: 120 }];
  check.addRow([
    '每行一条存储的自查结果（机关代码、日期、指标、数值、阈值、状态、明细，以制表符分隔）；各行以换行符连接后的 SHA-256 即数据摘要',
  ]).font = { italic: true };
  for (const line of pack.canonical) check.addRow([line]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
