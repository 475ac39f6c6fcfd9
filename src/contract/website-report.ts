/**
 * The 政府网站工作年度报表 as the API and the console exchange it (docs/website-report.md): the year's
 * rows with their values (computed or filled in), the required rows still empty, and the manual
 * values a PUT saves.
 */
import { z } from 'zod';
import { WEBSITE_REPORT_SECTIONS } from '../domain/website-report/rows.ts';
import { decimal } from './common.ts';

export const websiteReportRowSchema = z.object({
  code: z.string(),
  section: z.enum(WEBSITE_REPORT_SECTIONS),
  group: z.string(),
  label: z.string(),
  unit: z.string(),
  kind: z.enum(['count', 'text']),
  source: z.enum(['computed', 'manual']),
  /** required for this agency before a final export */
  needed: z.boolean(),
  note: z.string(),
  value: z.union([z.string(), z.number()]).nullable(),
});
export type WebsiteReportRowJson = z.infer<typeof websiteReportRowSchema>;

export const websiteReportSchema = z.object({
  year: z.number().int(),
  agency: z.string(),
  rows: z.array(websiteReportRowSchema),
  /** the names of the required rows still empty (a final export is refused while any is) */
  missing: z.array(z.string()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type WebsiteReport = z.infer<typeof websiteReportSchema>;

const yearNumber = decimal(
  z
    .number({ error: '年度应为2008到2100之间的四位年份' })
    .int({ error: '年度应为四位年份' })
    .min(2008, {
      error: '年度应为2008到2100之间的四位年份',
    })
    .max(2100, { error: '年度应为2008到2100之间的四位年份' }),
);

export const websiteReportQuery = z.object({ year: yearNumber.optional() });

export const websiteReportFileQuery = z.object({
  year: yearNumber.optional(),
  /** 1: export even with required rows empty, marked 草稿 */
  draft: z.enum(['0', '1'], { error: 'draft 应为 0 或 1' }).optional(),
});

export const websiteReportBody = z.object({
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()]), {
    error: '请以 { fields: { 报表项代码: 值 } } 提交要填写的项目',
  }),
});
export type WebsiteReportInput = z.infer<typeof websiteReportBody>;
