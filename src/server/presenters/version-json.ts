/** A published (frozen) version of a report: its JSON and its downloads, rendered from the snapshot. */
import type { FastifyReply } from 'fastify';
import type { Clock, CommandLog } from '../../commands/context.ts';
import { type PrintPdf, storeVersionPdf } from '../../commands/reports/store-version-pdf.ts';
import type { Db } from '../../db/connection.ts';
import type { VersionSummary } from '../../db/queries/report-versions.ts';
import { thawReport } from '../../domain/report/snapshot.ts';
import type { AnnualReport } from '../../domain/report/types.ts';
import { renderReportPdf } from '../../render/pdf.ts';
import type { Limiter } from '../limit.ts';
import { CONTENT_TYPES, contentDisposition, renderReportFile, reportFileName } from './report-file.ts';
import { reportJson } from './report-json.ts';

/** A version row as staff see it: number, day, reason, who and when. */
export function versionSummaryJson(v: VersionSummary) {
  return {
    version: v.version,
    publishedOn: v.publishedOn,
    reason: v.reason,
    note: v.note,
    actor: v.actor,
    actorName: v.actorName,
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

/** What serving a version's PDF needs: where it is stored, the printer's gate, the clock and log. */
export interface VersionFileDeps {
  db: Db;
  pdfLimiter: Limiter;
  clock: Clock;
  log: CommandLog;
}

/** A year's latest version changes with a correction; a numbered version never does. */
const CACHE = {
  latest: 'public, max-age=300',
  numbered: 'public, max-age=31536000, immutable',
} as const;

/** Whether an If-None-Match header names this strong ETag (or is `*`). */
function notModified(header: string | string[] | undefined, etag: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === etag || t === '*');
}

/**
 * Sends a published version's PDF: the one stored when it was published (or made now, at its first
 * download, and stored), the same bytes every time, with its SHA-256 as strong ETag (304 when the
 * client has it).
 */
async function sendVersionPdf(
  reply: FastifyReply,
  row: { id: number },
  name: { fileName: string; ascii: string },
  cache: keyof typeof CACHE,
  deps: VersionFileDeps,
): Promise<FastifyReply> {
  const print: PrintPdf = (html, info) => deps.pdfLimiter.run(() => renderReportPdf(html, info));
  const ctx = { db: deps.db, clock: deps.clock, log: deps.log, actor: { username: 'public' } };
  const stored = await storeVersionPdf(ctx, row.id, print);
  const etag = `"${stored.sha256}"`;
  reply.header('etag', etag).header('cache-control', CACHE[cache]);
  if (notModified(reply.request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply
    .type(CONTENT_TYPES.pdf)
    .header('content-disposition', contentDisposition(name.fileName, name.ascii))
    .send(stored.pdf);
}

/**
 * Sends a version's report as a file (html, docx, pdf, or its JSON), named with the version. `cache`:
 * `latest` for a year's latest version (its URL follows corrections), `numbered` for a version's own.
 */
export async function sendVersionFile(
  reply: FastifyReply,
  row: { id: number; version: number; snapshot: string },
  format: 'html' | 'docx' | 'pdf' | 'json',
  deps: VersionFileDeps,
  cache: keyof typeof CACHE,
): Promise<FastifyReply> {
  const report = frozenReport(row);
  const { version } = row;
  const suffix = version > 1 ? `（第${version}版）` : '';
  const ascii = `${report.agency.code}-${report.year}-annual-report-v${version}.${format}`;
  if (format === 'json') {
    const name = `${report.agency.name}${report.year}年政府信息公开工作年度报告${suffix}.json`;
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', contentDisposition(name, ascii))
      .send(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  }
  if (format === 'pdf') {
    const fileName = `${reportFileName(report, 'pdf').replace(/\.pdf$/, '')}${suffix}.pdf`;
    return sendVersionPdf(reply, row, { fileName, ascii }, cache, deps);
  }
  const file = await renderReportFile(report, format, deps.pdfLimiter);
  const name = file.fileName.replace(/\.(\w+)$/, `${suffix}.$1`);
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(name, ascii))
    .header('cache-control', 'public, max-age=300')
    .send(file.body);
}
