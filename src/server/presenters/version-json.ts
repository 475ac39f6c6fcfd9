/** A published (frozen) version of a report: its JSON and its downloads, rendered from the snapshot. */
import type { FastifyReply } from 'fastify';
import type { VersionSummary } from '../../db/queries/report-versions.ts';
import { thawReport } from '../../domain/report/snapshot.ts';
import type { AnnualReport } from '../../domain/report/types.ts';
import type { Limiter } from '../limit.ts';
import { contentDisposition, renderReportFile } from './report-file.ts';
import { reportJson } from './report-json.ts';

/** A version row as staff see it: number, day, reason, who and when. */
export function versionSummaryJson(v: VersionSummary) {
  return {
    version: v.version,
    publishedOn: v.publishedOn,
    reason: v.reason,
    note: v.note,
    actor: v.actor,
    recordedAt: v.recordedAt,
  };
}

/** A version row as the public sees it (no staff user names). */
export function publicVersionJson(v: VersionSummary) {
  return { version: v.version, publishedOn: v.publishedOn, reason: v.reason, note: v.note };
}

/** The frozen report of a version row. */
export function frozenReport(row: { snapshot: string }): AnnualReport {
  return thawReport(row.snapshot).report;
}

/** Sends a version's report as a file (html, docx, pdf, or its JSON), named with the version. */
export async function sendVersionFile(
  reply: FastifyReply,
  report: AnnualReport,
  version: number,
  format: 'html' | 'docx' | 'pdf' | 'json',
  pdfLimiter: Limiter,
): Promise<FastifyReply> {
  const suffix = version > 1 ? `（第${version}版）` : '';
  const ascii = `${report.agency.code}-${report.year}-annual-report-v${version}.${format}`;
  if (format === 'json') {
    const name = `${report.agency.name}${report.year}年政府信息公开工作年度报告${suffix}.json`;
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', contentDisposition(name, ascii))
      .send(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  }
  const file = await renderReportFile(report, format, pdfLimiter);
  const name = file.fileName.replace(/\.(\w+)$/, `${suffix}.$1`);
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(name, ascii))
    .header('cache-control', 'public, max-age=300')
    .send(file.body);
}
