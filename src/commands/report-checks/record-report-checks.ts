/**
 * Keeps 年报体检 checks made by signed-in staff (issue 14, docs/report-check.md): each file's
 * `report_checks` row (what was read and found, as JSON; the file itself is not kept, only its
 * SHA-256 and size) and its event `report_checks.created`; several files uploaded together also get
 * a `report_check_batches` row with the counts and the event `report_checks.batch_created`. One
 * transaction.
 */
import { createHash } from 'node:crypto';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { type CheckResult, isUnreadable } from '../../report-check/check-file.ts';
import type { CommandContext } from '../context.ts';

/** One file checked: its name, its bytes' digest and size, and the result. */
export interface CheckedFile {
  fileName: string;
  sha256: string;
  size: number;
  result: CheckResult;
}

export interface RecordReportChecksInput {
  /** the staff user's agency; null for a platform administrator */
  agencyId: number | null;
  /** a batch's name; null to keep the checks without a batch (one file from the portal) */
  batchName: string | null;
  files: readonly CheckedFile[];
}

export interface RecordedReportChecks {
  batchId: number | null;
  checkIds: number[];
}

/** The SHA-256 of some bytes, hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The counts of a batch: files read and unreadable, reports with errors, errors and warnings. */
export function batchCounts(results: readonly CheckResult[]) {
  const read = results.flatMap((r) => (isUnreadable(r) ? [] : [r]));
  return {
    reports: read.length,
    unreadable: results.length - read.length,
    withErrors: read.filter((r) => r.errors > 0).length,
    errors: read.reduce((n, r) => n + r.errors, 0),
    warnings: read.reduce((n, r) => n + r.warnings, 0),
  };
}

function checkRow(
  input: RecordReportChecksInput,
  file: CheckedFile,
  batchId: number | null,
  who: string,
  at: string,
) {
  const r = file.result;
  const read = isUnreadable(r) ? null : r;
  return {
    agency_id: input.agencyId,
    batch_id: batchId,
    file_name: file.fileName,
    sha256: file.sha256,
    size: file.size,
    source_type: read?.source ?? null,
    agency_name: read?.agency ?? null,
    year: read?.year ?? null,
    format: read?.format ?? null,
    errors: read ? read.errors : 1,
    warnings: read ? read.warnings : 0,
    result: JSON.stringify(r),
    checked_by: who,
    checked_at: at,
  };
}

/** Writes the checks (and their batch) with their events; answers their ids. */
export async function recordReportChecks(
  ctx: CommandContext,
  input: RecordReportChecksInput,
): Promise<RecordedReportChecks> {
  if (input.files.length === 0)
    throw new AppError('validation', '请选择要检查的报告文件。', [
      { field: 'files', message: '请选择要检查的报告文件。' },
    ]);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const who = ctx.actor.username;
  return inTransaction(ctx.db, async (trx) => {
    let batchId: number | null = null;
    if (input.batchName !== null) {
      const counts = batchCounts(input.files.map((f) => f.result));
      const batch = await trx
        .insertInto('report_check_batches')
        .values({
          agency_id: input.agencyId,
          name: input.batchName,
          created_by: who,
          created_at: at,
          reports: counts.reports,
          unreadable: counts.unreadable,
          with_errors: counts.withErrors,
          errors: counts.errors,
          warnings: counts.warnings,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      batchId = batch.id;
      await appendEvent(trx, {
        name: 'report_checks.batch_created',
        subject: { type: 'report_check_batch', id: batchId },
        agency: input.agencyId,
        actor: who,
        at: now,
        data: { name: input.batchName, files: input.files.length, ...counts },
      });
    }
    const checkIds: number[] = [];
    for (const file of input.files) {
      const row = await trx
        .insertInto('report_checks')
        .values(checkRow(input, file, batchId, who, at))
        .returning('id')
        .executeTakeFirstOrThrow();
      checkIds.push(row.id);
      await appendEvent(trx, {
        name: 'report_checks.created',
        subject: { type: 'report_check', id: row.id },
        agency: input.agencyId,
        actor: who,
        at: now,
        data: {
          fileName: file.fileName,
          sha256: file.sha256,
          size: file.size,
          batchId,
          agencyName: isUnreadable(file.result) ? null : file.result.agency,
          year: isUnreadable(file.result) ? null : file.result.year,
          errors: isUnreadable(file.result) ? null : file.result.errors,
          warnings: isUnreadable(file.result) ? null : file.result.warnings,
        },
      });
    }
    return { batchId, checkIds };
  });
}
