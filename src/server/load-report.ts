/** Loads an agency-year report as the records say now for the HTTP layer, or throws a not_found AppError. */
import { buildAnnualReport } from '../commands/build-annual-report.ts';
import type { Db } from '../db/connection.ts';
import type { AnnualReport } from '../domain/report/types.ts';
import { AppError } from './errors.ts';
import { findAgency } from './queries/agencies.ts';

/**
 * The report of an agency-year, validated as of `today` in China (the server’s clock). An
 * unknown agency, or a year the agency has no records for, is not_found: the platform does not
 * show a report of zeros it has no data for.
 */
export async function loadReport(db: Db, code: string, year: number, today: string): Promise<AnnualReport> {
  const agency = await findAgency(db, code);
  if (!agency) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  if (!agency.years.includes(year)) {
    const known = agency.years.length > 0 ? `现有年度：${agency.years.join('、')}` : '该机关尚无记录';
    throw new AppError('not_found', `${agency.name}没有 ${year} 年的记录（${known}）`);
  }
  const report = await buildAnnualReport(db, code, year, { today });
  if (!report) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return report;
}
