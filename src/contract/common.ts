/** Zod schemas shared by the routes: path parameters and the error body. */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';

/** An agency code, as the import accepts it. */
export const agencyCode = z
  .string()
  .min(1, { error: '机关代码不能为空' })
  .max(64, { error: '机关代码最长 64 个字符' })
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: '机关代码只能包含小写字母、数字、- 和 _' })
  .describe('agency code, e.g. lingang');

/** A report year in the URL: four digits, as a number. */
export const reportYear = z
  .string()
  .regex(/^\d{4}$/, { error: '年份应为四位数字，如 2021' })
  .transform(Number)
  .describe('report year, four digits, e.g. 2021');

/** The path parameters of a report: `/agencies/:code/reports/:year`. */
export const reportParams = z.object({ code: agencyCode, year: reportYear });

/** The downloadable formats of a report. */
export const REPORT_FORMATS = ['html', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The path parameters of a report file: `/agencies/:code/reports/:year.:format`. */
export const reportFileParams = reportParams.extend({
  format: z.enum(REPORT_FORMATS, { error: '格式应为 html、docx 或 pdf' }).describe('file format'),
});

/** The body of every error response. */
export const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe('a Chinese sentence that says what to do'),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

/**
 * A whole number in a URL, written in decimal digits only: `0x13`, `1e3`, ` 12`, `+5` and `12.0`
 * are refused (z.coerce.number() would read them as 19, 1000, 12, 5 and 12). `number` says which
 * numbers, with its Chinese message.
 */
export const decimal = <T extends z.ZodType<number>>(number: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (/^\d{1,16}$/.test(value) ? Number(value) : Number.NaN) : value),
    number,
  );

/** A row id in the URL: a positive integer that fits the databases' integer columns. */
export const rowId = (what: string) =>
  decimal(
    z
      .number({ error: `${what}应为正整数` })
      .int({ error: `${what}应为正整数` })
      .positive({ error: `${what}应为正整数` })
      .max(2147483647, { error: `${what}过大` }),
  );

/** The path parameters of a request case: `/agencies/:code/requests/:id`. */
export const caseParams = z.object({ code: agencyCode, id: rowId('申请编号') });
