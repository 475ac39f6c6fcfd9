/** 年报体检 kept (0029): an agency's batches, newest first, and one batch with its checks. */
import type { Reader } from '../../commands/context.ts';
import type { CheckResult } from '../../report-check/check-file.ts';

export interface BatchRow {
  id: number;
  name: string;
  createdAt: string;
  createdBy: string;
  reports: number;
  unreadable: number;
  withErrors: number;
  errors: number;
  warnings: number;
}

export interface CheckRow {
  id: number;
  fileName: string;
  agencyName: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
  result: CheckResult;
}

const BATCH_COLUMNS = [
  'id',
  'name',
  'created_at as createdAt',
  'created_by as createdBy',
  'reports',
  'unreadable',
  'with_errors as withErrors',
  'errors',
  'warnings',
] as const;

/** An agency's batches, newest first (at most `limit`). */
export async function listReportCheckBatches(db: Reader, agencyId: number, limit = 200): Promise<BatchRow[]> {
  return db
    .selectFrom('report_check_batches')
    .select(BATCH_COLUMNS)
    .where('agency_id', '=', agencyId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One batch of an agency with its checks in upload order, or null. */
export async function findReportCheckBatch(
  db: Reader,
  agencyId: number,
  id: number,
): Promise<{ batch: BatchRow; checks: CheckRow[] } | null> {
  const batch = await db
    .selectFrom('report_check_batches')
    .select(BATCH_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!batch) return null;
  const rows = await db
    .selectFrom('report_checks')
    .select([
      'id',
      'file_name as fileName',
      'agency_name as agencyName',
      'year',
      'format',
      'errors',
      'warnings',
      'result',
    ])
    .where('batch_id', '=', id)
    .orderBy('id')
    .execute();
  return { batch, checks: rows.map((r) => ({ ...r, result: JSON.parse(r.result) as CheckResult })) };
}
