/**
 * 年报体检 batches (issue 14, docs/report-check.md): `POST /api/v1/agencies/:code/report-checks`
 * (several report files as JSON, base64 like every upload of the API: one batch), the batches, one
 * batch with each report's findings.
 */
import { z } from 'zod';
import { agencyCode, rowId } from './common.ts';
import { fileUpload } from './request-inputs.ts';

/** At most this many files in one batch, each at most 20 MB, 60 MB in all. */
export const REPORT_CHECK_MAX_FILES = 50;
export const REPORT_CHECK_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const REPORT_CHECK_MAX_TOTAL_BYTES = 60 * 1024 * 1024;

export const reportCheckBody = z.object({
  name: z
    .string()
    .trim()
    .max(100, { error: '批次名称最长 100 个字符' })
    .optional()
    .describe('the batch name (default: the files and the day)'),
  files: z
    .array(z.object(fileUpload))
    .min(1, { error: '请选择要检查的报告文件' })
    .max(REPORT_CHECK_MAX_FILES, { error: `一次最多检查 ${REPORT_CHECK_MAX_FILES} 份报告，请分批上传` }),
});
export type ReportCheckBody = z.infer<typeof reportCheckBody>;

export const reportCheckFinding = z.object({
  rule: z.string(),
  ruleName: z.string(),
  severity: z.enum(['error', 'warning', 'notice']),
  cells: z.array(z.string()),
  /** the cells as people read them (表三“（七）总计”行“自然人”列) */
  cellLabels: z.array(z.string()),
  sentences: z.array(z.string()),
  message: z.string(),
});

export const reportCheckBatchSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  reports: z.number().int(),
  unreadable: z.number().int(),
  withErrors: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type ReportCheckBatchSummary = z.infer<typeof reportCheckBatchSummary>;

export const reportCheckBatchList = z.object({ batches: z.array(reportCheckBatchSummary) });

export const reportCheckEntry = z.object({
  id: z.number().int(),
  fileName: z.string(),
  agencyName: z.string().nullable(),
  year: z.number().int().nullable(),
  format: z.string().nullable(),
  /** why the file could not be read at all, else null */
  unreadable: z.string().nullable(),
  errors: z.number().int(),
  warnings: z.number().int(),
  findings: z.array(reportCheckFinding),
});
export type ReportCheckEntry = z.infer<typeof reportCheckEntry>;

export const reportCheckBatch = reportCheckBatchSummary.extend({ checks: z.array(reportCheckEntry) });
export type ReportCheckBatch = z.infer<typeof reportCheckBatch>;

export const reportCheckBatchParams = z.object({ code: agencyCode, id: rowId('批次编号') });
