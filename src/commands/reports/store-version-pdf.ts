/**
 * The PDF of a published version, made once and kept (docs/reports.md, migration 0025): printed by
 * Chromium from the version's frozen report, with the report's title, the agency as author,
 * “Gongkai” as creator and producer and the version's publishing instant as its dates, then stored
 * with its SHA-256 and served byte for byte ever after. Made right after publishing or correcting;
 * when Chromium was missing then (publishing does not wait for a printer: 第四十九条 sets the
 * deadline, the PDF is one of its downloads), and for versions published before migration 0025, at
 * the first download. The printing runs outside any transaction (it takes seconds); the row is then
 * inserted once — of two concurrent first downloads, the second serves the first one's bytes.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { thawReport } from '../../domain/report/snapshot.ts';
import type { AnnualReport } from '../../domain/report/types.ts';
import { renderReportHtml, reportTitle } from '../../render/html.ts';
import type { PdfInfo } from '../../render/pdf-info.ts';
import type { Clock, CommandLog } from '../context.ts';

/** A stored PDF of a version. */
export interface VersionPdf {
  sha256: string;
  size: number;
  pdf: Buffer;
  createdAt: string;
}

/** Prints an HTML document to PDF with the given document information (render/pdf.ts, behind the limiter). */
export type PrintPdf = (html: string, info: PdfInfo) => Promise<Buffer>;

/** The document information of a version's PDF: nothing of the browser that printed it. */
export function versionPdfInfo(report: AnnualReport, recordedAt: string): PdfInfo {
  return {
    title: `${report.agency.name}${reportTitle(report)}`,
    author: report.agency.name,
    creator: 'Gongkai',
    producer: 'Gongkai',
    date: new Date(recordedAt),
  };
}

/** The stored PDF of a version row, or null when it has not been made yet. */
export async function findVersionPdf(db: Db, versionId: number): Promise<VersionPdf | null> {
  const row = await db.kysely
    .selectFrom('annual_report_pdfs')
    .select(['sha256', 'size', 'pdf', 'created_at'])
    .where('version_id', '=', versionId)
    .executeTakeFirst();
  if (!row) return null;
  return { sha256: row.sha256, size: row.size, pdf: Buffer.from(row.pdf), createdAt: row.created_at };
}

/**
 * The PDF of a published version: the stored one, else printed now and stored (event
 * `report.pdf_stored`, by `actor`: the publisher, or `public` for a first download). Throws what
 * printing throws (ChromiumMissingError: the caller says so in Chinese) and stores nothing then.
 */
export async function storeVersionPdf(
  ctx: { db: Db; clock: Clock; log: CommandLog; actor: { username: string } },
  versionId: number,
  print: PrintPdf,
): Promise<VersionPdf> {
  const { db } = ctx;
  const stored = await findVersionPdf(db, versionId);
  if (stored) return stored;
  const row = await db.kysely
    .selectFrom('annual_report_versions')
    .select(['agency_id', 'year', 'version', 'recorded_at', 'snapshot'])
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const { report } = thawReport(row.snapshot);
  const pdf = await print(renderReportHtml(report), versionPdfInfo(report, row.recorded_at));
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const createdAt = ctx.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('annual_report_pdfs')
      .values({ version_id: versionId, sha256, size: pdf.length, pdf, created_at: createdAt })
      .onConflict((oc) => oc.column('version_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return; // another download stored it first
    await appendEvent(trx, {
      name: 'report.pdf_stored',
      subject: { type: 'annual_report', id: row.year },
      agency: row.agency_id,
      actor: ctx.actor.username,
      at: ctx.clock.now(),
      data: { version: row.version, sha256, size: pdf.length },
    });
  });
  const kept = await findVersionPdf(db, versionId);
  if (!kept) throw new Error(`the PDF of version row ${versionId} was not stored`);
  return kept;
}

/** What publishing answers about the PDF: stored (its SHA-256 and size), or why not yet. */
export interface PublishedPdf {
  pdf: { sha256: string; size: number } | null;
  /** when the PDF could not be made now: why, and that it will be made at the first download */
  pdfNotice: string | null;
}

/**
 * Right after a version is published or corrected (its transaction committed): makes and stores its
 * PDF. Publishing has happened whatever comes of this — when printing fails (Chromium missing or
 * crashing) the answer says so in Chinese, the failure is logged, and the PDF is made at the first
 * download instead.
 */
export async function storePublishedPdf(
  ctx: { db: Db; clock: Clock; log: CommandLog; actor: { username: string } },
  where: { code: string; year: number; version: number },
  print: PrintPdf,
): Promise<PublishedPdf> {
  const row = await ctx.db.kysely
    .selectFrom('annual_report_versions')
    .innerJoin('agencies', 'agencies.id', 'annual_report_versions.agency_id')
    .select('annual_report_versions.id')
    .where('agencies.code', '=', where.code)
    .where('annual_report_versions.year', '=', where.year)
    .where('annual_report_versions.version', '=', where.version)
    .executeTakeFirstOrThrow();
  try {
    const stored = await storeVersionPdf(ctx, row.id, print);
    return { pdf: { sha256: stored.sha256, size: stored.size }, pdfNotice: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.log.error({ err: error, versionId: row.id }, 'the PDF of a published version could not be made');
    return {
      pdf: null,
      pdfNotice: `报告已发布，但 PDF 暂未生成（${reason}）；首次下载 PDF 时将自动生成并保存。`,
    };
  }
}
