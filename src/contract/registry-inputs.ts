/** The registry commands' inputs as zod schemas: the API's bodies (and the CLI's JSON files). */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { REVIEW_DECISIONS } from '../domain/registry/lifecycle.ts';
import { NORMATIVE_KINDS } from '../domain/report/vocabulary.ts';

const day = (field: string) =>
  z
    .string({ error: `${field} 缺失，请写成 YYYY-MM-DD 格式的日期` })
    .refine(isIsoDate, { error: `${field} 不是有效日期，请写成 YYYY-MM-DD` });

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} 缺失或不是文本` })
    .trim()
    .min(1, { error: `${field} 不能为空` })
    .max(max, { error: `${field} 超过 ${max} 个字符` });

const itemId = z
  .number({ error: 'itemId 应为已发布信息的编号（正整数）' })
  .int({ error: 'itemId 应为正整数' })
  .positive({ error: 'itemId 应为正整数' })
  .nullable()
  .optional()
  .describe('the published item carrying the text');

/** 制发: a new document enters the registry. */
export const issueBody = z.object({
  kind: z.enum(NORMATIVE_KINDS, { error: 'kind 应为 regulation（规章）或 normative（行政规范性文件）' }),
  docNumber: text('docNumber（文号）', 200),
  title: text('title（标题）', 1000),
  issuer: z.string().trim().max(200, { error: 'issuer（发文机关）超过 200 个字符' }).default(''),
  issuedOn: day('issuedOn（制发日期）'),
  itemId,
});
export type IssueInput = z.input<typeof issueBody>;

/** 修改: the new version; 文号, title and issuer default to the amended version's. */
export const amendBody = z.object({
  docNumber: text('docNumber（新版本文号）', 200).optional(),
  title: text('title（新版本标题）', 1000).optional(),
  issuer: z.string().trim().max(200, { error: 'issuer（发文机关）超过 200 个字符' }).optional(),
  issuedOn: day('issuedOn（新版本制发日期）'),
  itemId,
});
export type AmendInput = z.input<typeof amendBody>;

/** 废止: the day and the repealing document. */
export const repealBody = z.object({
  repealedOn: day('repealedOn（废止日期）'),
  repealedBy: text('repealedBy（废止依据的文件文号或标题）', 1000),
});
export type RepealInput = z.input<typeof repealBody>;

const decision = z.object({
  documentId: z
    .number({ error: 'documentId 应为文件编号' })
    .int()
    .positive({ error: 'documentId 应为正整数' }),
  decision: z.enum(REVIEW_DECISIONS, {
    error: 'decision 应为 kept（保留）、amended（修改）或 repealed（废止）',
  }),
  note: z.string().max(2000, { error: 'note 超过 2000 个字符' }).default(''),
  /** for `amended`: the new version (its issuedOn defaults to the review day) */
  amendment: amendBody.partial({ issuedOn: true }).optional(),
  /** for `repealed`: the repealing document (repealedOn defaults to the review day) */
  repeal: repealBody.partial({ repealedOn: true }).optional(),
});
export type ReviewDecisionInput = z.input<typeof decision>;
export type ParsedReviewDecision = z.output<typeof decision>;

/** 清理: decisions of a year's review pass on documents in force. */
export const reviewBody = z.object({
  reviewedOn: day('reviewedOn（清理日期）'),
  decisions: z
    .array(decision, { error: 'decisions 应为清理决定的列表' })
    .min(1, { error: 'decisions 至少应有一项' })
    .max(5000, { error: 'decisions 一次最多 5000 项' }),
});
export type ReviewInput = z.input<typeof reviewBody>;
