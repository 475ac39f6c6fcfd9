import type { ReadReport } from '../domain/report/reading/read-report.ts';

/**
 * The previous year's report of the same agency among those read, by agency name and year: what
 * `gongkai check DIR` and a console batch check each report against (R7, R8, R12). Keyed by `key`
 * (a path, or a file's place in a batch).
 */
export function pairWithPrevious<K>(
  reports: ReadonlyArray<{ key: K; report: ReadReport }>,
): Map<K, ReadReport> {
  const byKey = new Map<string, ReadReport>();
  for (const { report } of reports)
    if (report.agency && report.year) byKey.set(`${report.agency}|${report.year}`, report);
  const pairs = new Map<K, ReadReport>();
  for (const { key, report } of reports) {
    const previous =
      report.agency && report.year ? byKey.get(`${report.agency}|${report.year - 1}`) : undefined;
    if (previous) pairs.set(key, previous);
  }
  return pairs;
}
