/**
 * The output of `gongkai check DIR --out OUTDIR` (issue 14): reports.csv (one row per report read,
 * the open-data columns — the same schema as the platform's published reports, open-data.ts — then
 * the file), findings.csv (one row per finding), reports.json (each report as its open-data record
 * with what was read and found), index.html (a summary with ECharts: errors by rule, by agency
 * level, requests and outcomes across agencies).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatById } from '../domain/report/formats/registry.ts';
import {
  CSV_BOM,
  csvCellColumns,
  csvField,
  csvHeaderLine,
  csvRecordLine,
  type OpenDataRecord,
  openDataRecord,
} from '../domain/report/open-data.ts';
import { agencyKindOf } from '../domain/report/reading/check.ts';
import { batchSummaryHtml } from './batch-html.ts';
import { type CheckedReport, type CheckResult, isUnreadable } from './check-file.ts';

/** The level of an agency by its kind, as the summary groups them. */
export const LEVEL_LABELS: Record<ReturnType<typeof agencyKindOf>, string> = {
  government: '人民政府',
  department: '政府部门',
  development_zone: '开发区管委会',
  township: '乡镇、街道',
  other: '其他',
};

/** A report read from a file as its open-data record (no platform code, no version). */
export function recordOfChecked(report: CheckedReport): OpenDataRecord {
  return openDataRecord({
    format: formatById(report.format),
    agency: { code: null, name: report.agency ?? '', level: LEVEL_LABELS[agencyKindOf(report.agency)] },
    year: report.year ?? 0,
    version: null,
    publishedOn: report.publishedOn,
    cells: report.cells,
  });
}

const line = (fields: ReadonlyArray<string | number | null | undefined>) =>
  `${fields.map(csvField).join(',')}\r\n`;

/** The batch's files as text: reports.csv, findings.csv (both with a BOM, for Excel) and reports.json. */
export interface BatchFiles {
  reportsCsv: string;
  findingsCsv: string;
  reportsJson: string;
}

/** The batch's CSV and JSON in memory (what writeBatch writes, and what the API's exports send). */
export function batchFiles(results: readonly CheckResult[]): BatchFiles {
  const read = results.filter((r): r is CheckedReport => !isUnreadable(r));
  const records = read.map(recordOfChecked);
  const columns = csvCellColumns(records.map((r) => r.format));
  const header = csvHeaderLine([...columns, 'source_file']);
  const rows = records.map((record, i) =>
    csvRecordLine(record, [...columns]).replace(/\r\n$/, `,${csvField(read[i]?.file)}\r\n`),
  );
  const findings = [
    line([
      'source_file',
      'agency_name',
      'year',
      'rule',
      'rule_name',
      'severity',
      'cells',
      'sentences',
      'message',
    ]),
    ...read.flatMap((r) =>
      r.violations.map((v) =>
        line([
          r.file,
          r.agency,
          r.year,
          v.rule,
          v.ruleName,
          v.severity,
          v.cells.join(' '),
          v.sentences.join(' / '),
          v.message,
        ]),
      ),
    ),
    ...results
      .filter(isUnreadable)
      .map((u) => line([u.file, null, null, 'R0', '文件可读', 'error', '', '', `无法读取：${u.unreadable}`])),
  ];
  const json = results.map((r) =>
    isUnreadable(r)
      ? r
      : {
          ...recordOfChecked(r),
          file: r.file,
          source: r.source,
          formatBy: r.formatBy,
          confidence: r.confidence,
          unreadable: r.unreadable,
          sections: r.sections,
          claims: r.claims,
          violations: r.violations,
        },
  );
  return {
    reportsCsv: CSV_BOM + header + rows.join(''),
    findingsCsv: CSV_BOM + findings.join(''),
    reportsJson: `${JSON.stringify(json, null, 1)}\n`,
  };
}

export async function writeBatch(outDir: string, results: readonly CheckResult[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const files = batchFiles(results);
  await writeFile(join(outDir, 'reports.csv'), files.reportsCsv);
  await writeFile(join(outDir, 'findings.csv'), files.findingsCsv);
  await writeFile(join(outDir, 'reports.json'), files.reportsJson);
  await writeFile(join(outDir, 'index.html'), batchSummaryHtml(results));
}
