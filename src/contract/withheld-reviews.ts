/**
 * 条例 第十八条's yearly review of information withheld under 第十六条, as the API, the CLI and the
 * console exchange it: a year's list with its summary, and the body of one decision.
 *
 * 条例 第十八条：“行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，
 * 对因情势变化可以公开的政府信息应当公开。”
 */
import { z } from 'zod';
import { STATUTORY_CATEGORIES } from '../domain/items/categories.ts';
import { WITHHELD_REVIEW_DECISIONS } from '../domain/requests/withheld-review.ts';

const positive = (label: string) =>
  z
    .number({ error: `${label}应为正整数` })
    .int({ error: `${label}应为正整数` })
    .positive({ error: `${label}应为正整数` })
    .max(2147483647, { error: `${label}过大` });

/** One decision: 继续不予公开 (the reason why it still may be withheld) or 转为公开 (what changed). */
export const withheldReviewBody = z.object({
  /** the case */
  requestId: positive('申请编号'),
  /** 0: the case (or a 部分公开's withheld part); n: the case's n-th item */
  part: z
    .number({ error: '逐项序号应为整数（整件申请填 0）' })
    .int({ error: '逐项序号应为整数（整件申请填 0）' })
    .min(0, { error: '逐项序号应为整数（整件申请填 0）' })
    .max(200, { error: '逐项序号最大为 200' })
    .default(0),
  decision: z.enum(WITHHELD_REVIEW_DECISIONS, {
    error: '审查决定应为 kept（继续不予公开）或 disclosed（转为公开）',
  }),
  reason: z
    .string({ error: '请填写“审查理由”：继续不予公开的理由，或因情势变化可以公开的情况' })
    .trim()
    .min(2, { error: '请填写“审查理由”：继续不予公开的理由，或因情势变化可以公开的情况' })
    .max(2000, { error: '“审查理由”最长 2000 个字' }),
  /** the id of this year's decision it corrects; left out for the year's first */
  replaces: positive('所更正的决定编号').nullable().default(null),
  /** 转为公开: the draft item's 第二十条 category (default 其他) */
  category: z
    .enum(STATUTORY_CATEGORIES, {
      error: '“信息类别”应为第二十条（一）至（十五）项（a20.1–a20.15）或 other（其他）',
    })
    .default('other'),
});
export type WithheldReviewInput = z.input<typeof withheldReviewBody>;

const record = z.object({
  id: z.number(),
  year: z.number(),
  requestId: z.number(),
  part: z.number(),
  seq: z.number(),
  decision: z.enum(WITHHELD_REVIEW_DECISIONS),
  reason: z.string(),
  itemId: z.number().nullable(),
  actor: z.string(),
  actorName: z.string().describe('who decided, by name (姓名)'),
  recordedAt: z.string(),
});

export const withheldReviewEntrySchema = z.object({
  requestId: z.number(),
  part: z.number(),
  caseNo: z.string(),
  decidedOn: z.string(),
  description: z.string(),
  withheldPart: z.string().nullable(),
  outcome: z.string(),
  basis: z.string(),
  status: z.enum(['pending', ...WITHHELD_REVIEW_DECISIONS]),
  statusLabel: z.string(),
  current: record.nullable(),
  history: z.array(record),
  previous: record.nullable(),
  /** a later year with a decision on it: this year's can no longer be made or corrected */
  laterYear: z.number().nullable(),
  /** the item a 转为公开 opened, and where it stands in 主动公开 */
  openedItem: z.object({ id: z.number(), status: z.string(), statusLabel: z.string() }).nullable(),
});
export type WithheldReviewEntryView = z.infer<typeof withheldReviewEntrySchema>;

export const withheldReviewSummarySchema = z.object({
  total: z.number(),
  reviewed: z.number(),
  kept: z.number(),
  disclosed: z.number(),
  pending: z.number(),
});

export const withheldReviewListSchema = z.object({
  year: z.number(),
  entries: z.array(withheldReviewEntrySchema),
  summary: withheldReviewSummarySchema,
});
export type WithheldReviewList = z.infer<typeof withheldReviewListSchema>;
