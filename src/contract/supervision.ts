/** The supervisor's 工作台 (issue 15, docs/supervision.md): a subtree's agencies with their figures of a year. */
import { z } from 'zod';
import { OUTCOME_GROUPS } from '../domain/report/vocabulary.ts';
import { REPORT_YEAR_STATUSES } from '../domain/report/year-status.ts';

const reviewCounts = z.object({
  filed: z.number().int(),
  concluded: z.number().int(),
  corrected: z.number().int(),
});

export const figuresSchema = z.object({
  received: z.number().int().describe('disclosure requests received in the year'),
  open: z.number().int().describe('not yet answered, now'),
  overdue: z.number().int().describe('the answer clock past its due day, now'),
  decided: z.number().int().describe('answered in the year'),
  outcomes: z
    .object(Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, z.number().int()])))
    .describe(
      'answered in the year by table 三 group: granted, partial, denied, unable, not_processed, other',
    ),
  medianWorkingDays: z
    .number()
    .int()
    .nullable()
    .describe('from receipt to the answer; null when none answered'),
  reviews: reviewCounts.describe('行政复议 filed in the year, concluded, corrected'),
  suits: reviewCounts.describe('行政诉讼 filed in the year, concluded, corrected'),
  correctionRate: z.number().nullable().describe('纠错率: corrected ÷ concluded over 复议 and 诉讼'),
  published: z.number().int().describe('items published on the website in the year'),
  late: z.number().int().describe('of those, published later than 20 working days after formed (第二十六条)'),
  timelyRate: z.number().nullable(),
  previous: z.object({ received: z.number().int(), published: z.number().int() }).describe('the year before'),
});

export const supervisionRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  depth: z.number().int(),
  report: z.object({
    status: z.enum(REPORT_YEAR_STATUSES),
    statusLabel: z.string(),
    deadline: z.string().nullable(),
    publishedOn: z.string().nullable(),
    version: z.number().int().nullable(),
  }),
  own: figuresSchema,
  inspection: z
    .object({
      day: z.string().nullable().describe('the latest stored 网站自查 day; null: never run'),
      vetoes: z.number().int().describe('单项否决 indicators failed that day'),
      alarms: z.number().int().describe('other indicators failed or warning that day'),
      failingBelow: z.number().int().describe('agencies of the subtree (itself included) with a veto failed'),
    })
    .describe('网站自查 (docs/inspection.md)'),
  reminders: z
    .object({
      open: z.number().int().describe('督办 not closed'),
      overdue: z.number().int().describe('open past the deadline'),
      openBelow: z.number().int().describe('督办 not closed in the subtree, itself included'),
    })
    .describe('督办 (docs/supervision.md)'),
  subtree: figuresSchema.extend({
    agencies: z.number().int(),
    reports: z.object(Object.fromEntries(REPORT_YEAR_STATUSES.map((s) => [s, z.number().int()]))),
  }),
});

export const supervisionSchema = z.object({
  year: z.number().int(),
  today: z.string(),
  provisional: z
    .boolean()
    .describe('the year’s holiday notice is not in the calendar yet: working days provisional'),
  countedUpTo: z
    .string()
    .describe(
      '统计截至: ISO instant up to which every change is in the year’s counts (kept ahead, docs/supervision.md)',
    ),
  pending: z.number().int().describe('agencies shown as last counted while their new records are counted'),
  agencies: z.array(supervisionRowSchema).describe('the subtree in tree order, the agency of the path first'),
});

export type SupervisionOverview = z.infer<typeof supervisionSchema>;
export type SupervisionRow = z.infer<typeof supervisionRowSchema>;

export const trendsQuery = z.object({
  to: z.coerce
    .number({ error: '截止年度应为2008到2100之间的四位年份' })
    .int({ error: '截止年度应为四位年份' })
    .min(2008, { error: '截止年度应为2008到2100之间的四位年份' })
    .max(2100, { error: '截止年度应为2008到2100之间的四位年份' })
    .optional(),
  years: z.coerce
    .number({ error: '年数应为1到10之间的整数' })
    .int({ error: '年数应为1到10之间的整数' })
    .min(1, { error: '年数应为1到10之间的整数' })
    .max(10, { error: '年数应为1到10之间的整数' })
    .optional(),
});

const trendYearSchema = z.object({
  year: z.number().int(),
  received: z.number().int(),
  decided: z.number().int(),
  medianWorkingDays: z.number().int().nullable(),
  correctionRate: z.number().nullable().describe('%, one decimal'),
  published: z.number().int(),
  timelyRate: z.number().nullable().describe('%, one decimal: published within 20 working days'),
  reports: z.object(Object.fromEntries(REPORT_YEAR_STATUSES.map((s) => [s, z.number().int()]))),
});

export const trendsSchema = z.object({
  agency: z.string(),
  today: z.string(),
  countedUpTo: z.string().describe('统计截至: the earliest of the years’ (docs/supervision.md)'),
  pending: z
    .number()
    .int()
    .describe(
      'agencies of a year shown as last counted while their new records are counted (the most of any year)',
    ),
  years: z.array(trendYearSchema).describe('oldest first'),
  charts: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      unit: z.string(),
      /** a standalone SVG drawn by ECharts on the server (no script) */
      svg: z.string(),
    }),
  ),
});
export type SupervisionTrends = z.infer<typeof trendsSchema>;
