/**
 * A supervising office's batch (issue 14, docs/report-check.md): several report files read and
 * checked — each against the previous year's report of the same agency among them, paired by agency
 * name and year as `gongkai check DIR` does — and kept as one batch (recordReportChecks). A file
 * that cannot be read is kept as such (R0 in the exports), not refused; a file over the size limit
 * refuses the whole upload, naming the file.
 */
import { REPORT_CHECK_MAX_FILE_BYTES, REPORT_CHECK_MAX_TOTAL_BYTES } from '../../contract/report-checks.ts';
import { can } from '../../domain/accounts/policy-table.ts';
import type { ReadReport } from '../../domain/report/reading/read-report.ts';
import { REPORT_CHECK_POLICY } from '../../domain/report-checks/policy.ts';
import { AppError } from '../../errors.ts';
import {
  type CheckResult,
  checked,
  readReportBytes,
  type UnreadableFile,
} from '../../report-check/check-file.ts';
import { pairWithPrevious } from '../../report-check/pair.ts';
import { UnreadableReportError } from '../../report-check/read-file.ts';
import type { CommandContext } from '../context.ts';
import { type RecordedReportChecks, recordReportChecks, sha256Of } from './record-report-checks.ts';

export interface CreateReportCheckBatchInput {
  agencyId: number;
  /** the batch's name; empty: “N份报告” */
  name?: string;
  files: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>;
}

const MB = 1024 * 1024;

function refuseOversize(files: CreateReportCheckBatchInput['files']): void {
  const big = files.find((f) => f.bytes.byteLength > REPORT_CHECK_MAX_FILE_BYTES);
  if (big) {
    const message = `文件“${big.fileName}”超过 ${REPORT_CHECK_MAX_FILE_BYTES / MB} MB 的上限，请去掉该文件或压缩后重新上传。`;
    throw new AppError('payload_too_large', message, [{ field: 'files', message }]);
  }
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > REPORT_CHECK_MAX_TOTAL_BYTES) {
    const message = `一批文件合计超过 ${REPORT_CHECK_MAX_TOTAL_BYTES / MB} MB，请分批上传。`;
    throw new AppError('payload_too_large', message, [{ field: 'files', message }]);
  }
}

/** Reads, checks and keeps the files as one batch; answers the batch's id. */
export async function createReportCheckBatch(
  ctx: CommandContext,
  input: CreateReportCheckBatchInput,
): Promise<RecordedReportChecks> {
  if (!can(REPORT_CHECK_POLICY, ctx.actor, 'create'))
    throw new AppError('forbidden', '年报体检需要本机关的工作人员角色；如需办理，请联系本机关的机关管理员。');
  refuseOversize(input.files);
  const read: Array<{ key: number; report: ReadReport } | { key: number; unreadable: UnreadableFile }> = [];
  for (const [key, file] of input.files.entries()) {
    try {
      read.push({ key, report: await readReportBytes(file.bytes, file.fileName) });
    } catch (error) {
      if (!(error instanceof UnreadableReportError)) throw error;
      read.push({
        key,
        unreadable: { file: file.fileName, unreadable: error.message, reason: error.reason },
      });
    }
  }
  const reports = read.flatMap((r) => ('report' in r ? [r] : []));
  const pairs = pairWithPrevious(reports);
  const results: CheckResult[] = read.map((r) =>
    'report' in r
      ? checked(input.files[r.key]?.fileName ?? '', r.report, pairs.get(r.key) ?? null)
      : r.unreadable,
  );
  return recordReportChecks(ctx, {
    agencyId: input.agencyId,
    batchName: input.name?.trim() || `${input.files.length}份报告`,
    files: input.files.map((f, i) => ({
      fileName: f.fileName,
      sha256: sha256Of(f.bytes),
      size: f.bytes.byteLength,
      result: results[i] as CheckResult,
    })),
  });
}
