/** The registry commands' inputs as zod schemas: the API's bodies (and the CLI's JSON files). */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { REVIEW_DECISIONS } from '../domain/registry/lifecycle.ts';
import { NORMATIVE_KINDS } from '../domain/report/vocabulary.ts';

/** A day, the field named by its Chinese label (“制发日期”). */
const day = (label: string) =>
  z
    .string({ error: `请填写“${label}”，写成 YYYY-MM-DD 格式的日期` })
    .refine(isIsoDate, { error: `“${label}”不是有效日期，请写成 YYYY-MM-DD，如 2021-03-01` });

/** A required text, the field named by its Chinese label (“文号”). */
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写“${label}”（文字）` })
    .trim()
    .min(1, { error: `请填写“${label}”，不能为空` })
    .max(max, { error: `“${label}”最长 ${max} 个字，请精简` });

const itemId = z
  .number({ error: '“关联信息”应为已发布信息的编号（正整数）' })
  .int({ error: '“关联信息”应为已发布信息的编号（正整数）' })
  .positive({ error: '“关联信息”应为已发布信息的编号（正整数）' })
  .nullable()
  .optional()
  .describe('the published item carrying the text');

/** 制发: a new document enters the registry. */
export const issueBody = z.object({
  kind: z.enum(NORMATIVE_KINDS, { error: '“文件类型”应为 regulation（规章）或 normative（行政规范性文件）' }),
  docNumber: text('文号', 200),
  title: text('标题', 1000),
  issuer: z.string().trim().max(200, { error: '“发文机关”最长 200 个字，请精简' }).default(''),
  issuedOn: day('制发日期'),
  itemId,
});
export type IssueInput = z.input<typeof issueBody>;

/** 修改: the new version; 文号, title and issuer default to the amended version's. */
export const amendBody = z.object({
  docNumber: text('新版本文号', 200).optional(),
  title: text('新版本标题', 1000).optional(),
  issuer: z.string().trim().max(200, { error: '“发文机关”最长 200 个字，请精简' }).optional(),
  issuedOn: day('新版本制发日期'),
  itemId,
});
export type AmendInput = z.input<typeof amendBody>;

/** 废止: the day and the repealing document. */
export const repealBody = z.object({
  repealedOn: day('废止日期'),
  repealedBy: text('废止依据（文件文号或标题）', 1000),
});
export type RepealInput = z.input<typeof repealBody>;

const decision = z.object({
  documentId: z
    .number({ error: '“文件”应为登记的文件编号（正整数）' })
    .int({ error: '“文件”应为登记的文件编号（正整数）' })
    .positive({ error: '“文件”应为登记的文件编号（正整数）' }),
  decision: z.enum(REVIEW_DECISIONS, {
    error: '“清理决定”应为 kept（保留）、amended（修改）或 repealed（废止）',
  }),
  note: z.string().max(2000, { error: '“说明”最长 2000 个字，请精简' }).default(''),
  /** for `amended`: the new version (its issuedOn defaults to the review day) */
  amendment: amendBody.partial({ issuedOn: true }).optional(),
  /** for `repealed`: the repealing document (repealedOn defaults to the review day) */
  repeal: repealBody.partial({ repealedOn: true }).optional(),
});
export type ReviewDecisionInput = z.input<typeof decision>;
export type ParsedReviewDecision = z.output<typeof decision>;

/** 清理: decisions of a year's review pass on documents in force. */
export const reviewBody = z.object({
  reviewedOn: day('清理日期'),
  decisions: z
    .array(decision, { error: '“清理决定”应为一组决定' })
    .min(1, { error: '请至少填写一项清理决定' })
    .max(5000, { error: '清理决定一次最多 5000 项，请分批提交' }),
});
export type ReviewInput = z.input<typeof reviewBody>;
