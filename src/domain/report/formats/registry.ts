/**
 * The report formats by id and by year: reports on 2019 and 2020 use the 2019 trial format
 * (国办公开办函〔2019〕60号), reports from 2021 on the 2021 format (国办公开办函〔2021〕30号).
 */
import { FORMAT_IDS, type FormatId, formatIdForYear, type ReportFormat } from '../format.ts';
import { FORMAT_2019 } from './2019/index.ts';
import { FORMAT_2021 } from './2021/index.ts';

const FORMATS: Record<FormatId, ReportFormat> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };

/** The format of an id. */
export function formatById(id: FormatId): ReportFormat {
  return FORMATS[id];
}

/** The format a report on `year` is written in: the 2019 trial format up to 2020, then 2021. */
export function formatForYear(year: number): ReportFormat {
  return FORMATS[formatIdForYear(year)];
}

/** Whether a string is a format id. */
export function isFormatId(value: string): value is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(value);
}

/** Every format, oldest first. */
export const REPORT_FORMATS: readonly ReportFormat[] = FORMAT_IDS.map((id) => FORMATS[id]);
