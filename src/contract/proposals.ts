/**
 * The contract of proposals to publish proactively (条例 第四十四条): the list the queue shows, the
 * bodies of 纳入 (a draft item) and 不纳入, and of the applicant's suggestion (第二款) on a case.
 */
import { z } from 'zod';
import { STATUTORY_CATEGORIES } from '../domain/items/categories.ts';
import { MAX_SUGGESTION_NOTE, SUGGESTION_REASONS } from '../domain/requests/proposals/suggestion.ts';
import { decimal } from './common.ts';

export const PROPOSAL_STATUSES = ['open', 'included', 'not_included'] as const;

export const proposalsQuery = z.object({
  year: decimal(
    z
      .number({ error: '“年度”应为四位数字的年份，如 2025。' })
      .int({ error: '“年度”应为四位数字的年份，如 2025。' })
      .min(2008, { error: '“年度”应在 2008 年（条例施行）以后。' })
      .max(2100, { error: '“年度”应为四位数字的年份，如 2025。' }),
  )
    .optional()
    .describe('the year the requests were received (default: this year)'),
  status: z
    .enum(PROPOSAL_STATUSES, {
      error: '“状态”应为 open（待审核）、included（已纳入）或 not_included（不纳入）。',
    })
    .optional()
    .describe(
      'only proposals of this status (default: open and included; not_included ones do not come back)',
    ),
});

export const suggestionSchema = z.object({
  reasons: z.array(z.enum(SUGGESTION_REASONS)),
  reasonLabels: z.array(z.string()),
  note: z.string(),
});

export const proposalSchema = z.object({
  key: z.string().describe('the requests’ ids ascending, comma-joined'),
  kind: z.enum(['same_information', 'suggestion']),
  status: z.enum(PROPOSAL_STATUSES),
  requestIds: z.array(z.number().int()),
  applicants: z.number().int().describe('distinct applicants'),
  disclosable: z.boolean().describe('some request was answered 予以公开 or 部分公开'),
  alreadyPublished: z.boolean().describe('some request was answered 已主动公开 (第三十六条第（一）项)'),
  undecided: z.number().int(),
  suggestedBy: z.array(z.number().int()),
  commonTerms: z.array(z.string()),
  title: z.string().describe('the draft item’s title as proposed'),
  requests: z.array(
    z.object({
      id: z.number().int(),
      registrationNo: z.string().nullable(),
      receivedOn: z.string(),
      applicantName: z.string(),
      information: z.string(),
      state: z.string(),
      outcome: z.string().nullable(),
      suggestion: suggestionSchema.nullable(),
    }),
  ),
  items: z.array(z.object({ id: z.number().int(), title: z.string(), status: z.string() })),
  decision: z
    .object({
      result: z.enum(['included', 'not_included']),
      reason: z.string(),
      actor: z.string(),
      actorName: z.string().describe('who decided, by name (姓名)'),
      decidedAt: z.string(),
    })
    .nullable(),
});

export const proposalListSchema = z.object({
  year: z.number().int(),
  proposals: z.array(proposalSchema),
  counts: z.object({ open: z.number().int(), included: z.number().int(), notIncluded: z.number().int() }),
});

const requestIds = z
  .array(z.number({ error: '“申请”应为申请编号的列表。' }).int().positive(), {
    error: '“申请”应为申请编号的列表。',
  })
  .min(1, { error: '请至少选择一件申请。' })
  .max(1000, { error: '一次最多处理 1000 件申请。' });

export const includeProposalBody = z.object({
  year: z.number({ error: '请填写“年度”（申请的收到年份）。' }).int(),
  requestIds,
  category: z.enum(STATUTORY_CATEGORIES, {
    error: '请选择“法定类别”（条例第二十条（一）至（十五）或其他）。',
  }),
  title: z.string().max(500, { error: '“标题”最长 500 个字。' }).optional(),
});

export const declineProposalBody = z.object({
  year: z.number({ error: '请填写“年度”（申请的收到年份）。' }).int(),
  requestIds,
  reason: z
    .string({ error: '请填写“不纳入理由”。' })
    .trim()
    .min(1, { error: '请填写“不纳入理由”：经审核不属于主动公开范围的原因。' })
    .max(1000, { error: '“不纳入理由”最长 1000 个字。' }),
});

export const proposalIncludedSchema = z.object({ itemId: z.number().int(), proposalId: z.number().int() });
export const proposalDeclinedSchema = z.object({ proposalId: z.number().int() });

export const suggestionBody = z.object({
  reasons: z.array(z.string(), { error: '请选择“建议纳入主动公开的理由”。' }),
  note: z
    .string()
    .max(MAX_SUGGESTION_NOTE, { error: `“建议说明”最长 ${MAX_SUGGESTION_NOTE} 个字。` })
    .optional(),
});

export type ProposalList = z.infer<typeof proposalListSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type IncludeProposalBody = z.infer<typeof includeProposalBody>;
export type DeclineProposalBody = z.infer<typeof declineProposalBody>;
export type SuggestionBody = z.infer<typeof suggestionBody>;
