/**
 * One report file checked (issue 14): read (read-file.ts → the document), its cells and sections
 * found (domain/report/reading/read-report.ts), its findings (check.ts), against the previous
 * year's report when given. What `gongkai check`, the batch, the portal page and the console share.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkReport, type Finding } from '../domain/report/reading/check.ts';
import { type ReadReport, readReport } from '../domain/report/reading/read-report.ts';
import { readReportFile, UnreadableReportError } from './read-file.ts';

/** A report read and checked: everything read, its findings, and their counts. */
export interface CheckedReport extends ReadReport {
  /** the file's name as given */
  file: string;
  violations: Finding[];
  errors: number;
  warnings: number;
}

/** A file that could not be read at all (exit 2): why, in Chinese. */
export interface UnreadableFile {
  file: string;
  unreadable: string;
  reason: string;
}

export type CheckResult = CheckedReport | UnreadableFile;

/** Whether a file's answer says it could not be read (a report's `unreadable` is its cells' reasons). */
export function isUnreadable<T extends ReadReport | UnreadableFile>(
  result: T,
): result is Extract<T, UnreadableFile> {
  return typeof result.unreadable === 'string';
}

/** The report in some bytes, read; UnreadableReportError when the file cannot be read. */
export async function readReportBytes(bytes: Uint8Array, fileName: string): Promise<ReadReport> {
  const doc = await readReportFile(bytes, fileName);
  const report = readReport(doc);
  const found = Object.values(report.cells).filter((v) => v !== null).length;
  if (found === 0 && report.images > 0) throw new UnreadableReportError('tables_as_images');
  if (found === 0 && report.sections.every((s) => s.printedHeading === null))
    throw new UnreadableReportError('not_a_report');
  return report;
}

/** A report and its findings, from read reports. */
export function checked(file: string, report: ReadReport, previous: ReadReport | null): CheckedReport {
  const violations = checkReport(report, { previous });
  return {
    file,
    ...report,
    violations,
    errors: violations.filter((v) => v.severity === 'error').length,
    warnings: violations.filter((v) => v.severity === 'warning').length,
  };
}

/** Reads a file from disk into a report, or says why it cannot be read. */
export async function readReportPath(path: string): Promise<ReadReport | UnreadableFile> {
  try {
    const bytes = await readFile(path);
    return await readReportBytes(bytes, basename(path));
  } catch (error) {
    if (error instanceof UnreadableReportError)
      return { file: path, unreadable: error.message, reason: error.reason };
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
      return { file: path, unreadable: `无法打开文件 ${path}（${code}）`, reason: 'cannot_open' };
    throw error;
  }
}
