/** A kept 年报体检 batch as the API answers it (contract/report-checks.ts). */
import type { ReportCheckBatch } from '../../contract/report-checks.ts';
import type { ActorNames } from '../../db/queries/actor-names.ts';
import type { BatchRow, CheckRow } from '../../db/queries/report-checks.ts';
import { cellLabel } from '../../domain/report/cell-labels.ts';
import { formatById } from '../../domain/report/formats/registry.ts';
import { isUnreadable } from '../../report-check/check-file.ts';

/** One check: what was read, and its findings with the cells named in Chinese. */
function entry(check: CheckRow): ReportCheckBatch['checks'][number] {
  const r = check.result;
  const base = {
    id: check.id,
    fileName: check.fileName,
    agencyName: check.agencyName,
    year: check.year,
    format: check.format,
    errors: check.errors,
    warnings: check.warnings,
  };
  if (isUnreadable(r)) return { ...base, unreadable: r.unreadable, findings: [] };
  const format = formatById(r.format);
  return {
    ...base,
    unreadable: null,
    findings: r.violations.map((v) => ({ ...v, cellLabels: v.cells.map((c) => cellLabel(format, c)) })),
  };
}

export function reportCheckBatchJson(
  found: { batch: BatchRow; checks: CheckRow[] },
  names: ActorNames,
): ReportCheckBatch {
  const { createdBy, ...batch } = found.batch;
  return { ...batch, createdByName: names(createdBy), checks: found.checks.map(entry) };
}
