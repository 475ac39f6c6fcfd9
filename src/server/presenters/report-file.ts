/** A report as a downloadable file: its bytes, content type and the Chinese file name. */
import type { AnnualReport } from '../../domain/report/types.ts';
import { renderReportDocx } from '../../render/docx.ts';
import { renderReportHtml, reportTitle } from '../../render/html.ts';
import { renderReportPdf } from '../../render/pdf.ts';
import type { Limiter } from '../limit.ts';
import type { ReportFormat } from '../routes/schemas.ts';

/** The content type of each downloadable format. */
export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ReportFile {
  body: Buffer | string;
  contentType: string;
  /** “{机关名}{year}年政府信息公开工作年度报告.docx” */
  fileName: string;
  /** an ASCII name for clients that ignore `filename*` */
  asciiFileName: string;
}

/** The file name of a report download: “{机关名}{year}年政府信息公开工作年度报告.{ext}”. */
export function reportFileName(report: AnnualReport, format: ReportFormat): string {
  return `${report.agency.name}${reportTitle(report)}.${format}`;
}

/**
 * Renders a report in a format; PDF rendering goes through the limiter (it starts a Chromium).
 * `preview`: the staff preview of a draft, with its validation results; a published version is
 * rendered without (it prints its 说明 instead).
 */
export async function renderReportFile(
  report: AnnualReport,
  format: ReportFormat,
  pdfLimiter: Limiter,
  options: { preview?: boolean } = {},
): Promise<ReportFile> {
  const names = {
    fileName: reportFileName(report, format),
    asciiFileName: `${report.agency.code}-${report.year}-annual-report.${format}`,
  };
  const contentType = CONTENT_TYPES[format];
  if (format === 'html') return { body: renderReportHtml(report, options), contentType, ...names };
  if (format === 'docx') return { body: await renderReportDocx(report, options), contentType, ...names };
  const html = renderReportHtml(report, options);
  return { body: await pdfLimiter.run(() => renderReportPdf(html)), contentType, ...names };
}

/** Percent-encodes a value for an RFC 8187 `filename*` parameter. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="ascii.docx"; filename*=UTF-8''%E5%A8%81…`: the UTF-8 name for every
 * current browser, the ASCII one for the rest (quotes and backslashes removed from it).
 */
export function contentDisposition(
  fileName: string,
  asciiFileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = asciiFileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
