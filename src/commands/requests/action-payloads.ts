import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { OUTCOMES } from '../../domain/report/vocabulary.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';

/** The input of each case action, with a Chinese message naming the field. */
const date = (field: string) =>
  z.string({ error: `字段 ${field} 缺失，请写成 YYYY-MM-DD 格式的日期` }).refine(isIsoDate, {
    error: (issue) => `字段 ${field} 的值“${String(issue.input)}”不是有效日期，请写成 YYYY-MM-DD`,
  });
const text = (field: string, max = 2000) =>
  z
    .string({ error: `字段 ${field} 缺失或不是文本` })
    .trim()
    .min(1, { error: `字段 ${field} 不能为空` })
    .max(max, { error: `字段 ${field} 超过 ${max} 个字符` });
const count = (field: string, max: number) =>
  z
    .number({ error: `字段 ${field} 应为数字` })
    .int({ error: `字段 ${field} 应为整数` })
    .min(0, { error: `字段 ${field} 不能为负数` })
    .max(max, { error: `字段 ${field} 不能大于 ${max}` });
const outcome = (field: string) =>
  z.enum(OUTCOMES, { error: () => `字段 ${field} 应为办理结果代码之一：${OUTCOMES.join('、')}` });

export const ACTION_PAYLOADS = {
  request_correction: z.object({ until: date('until'), what: text('what') }),
  receive_correction: z.object({ note: z.string().max(2000).optional() }),
  close_correction_lapsed: z.object({}),
  send_consultation: z.object({
    party: text('party', 200),
    kind: z.enum(['third_party', 'agency'], {
      error: '字段 kind 应为 third_party（第三方）或 agency（其他机关）',
    }),
    question: text('question'),
  }),
  receive_consultation_reply: z.object({
    summary: text('summary'),
    objects: z.boolean({ error: '字段 objects 应为 true 或 false（第三方是否反对公开）' }),
  }),
  extend: z.object({
    days: count('days', 20).min(1, { error: '字段 days 应为 1–20 的整数' }),
    reason: text('reason'),
  }),
  send_fee_notice: z.discriminatedUnion(
    'method',
    [
      z.object({
        method: z.literal('per_piece'),
        pieces: count('pieces', 100000).min(1, { error: '字段 pieces 至少为 1' }),
        previousPiecesThisMonth: count('previousPiecesThisMonth', 100000),
      }),
      z.object({ method: z.literal('per_page'), pages: count('pages', 10000000) }),
    ],
    { error: '字段 method 应为 per_piece（按件计收）或 per_page（按量计收）' },
  ),
  record_fee_payment: z.object({ amountYuan: count('amountYuan', 100000000) }),
  close_fee_lapsed: z.object({}),
  request_reasons: z.object({ what: text('what') }),
  set_later_date: z.object({ until: date('until'), reason: text('reason') }),
  decide: z
    .object({
      outcome: outcome('outcome').optional(),
      items: z
        .array(
          z.object({ description: text('items[].description', 500), outcome: outcome('items[].outcome') }),
          {
            error: '字段 items 应为 [{"description","outcome"}] 列表',
          },
        )
        .min(1, { error: '字段 items 至少要有一项' })
        .max(200)
        .optional(),
      basis: text('basis', 64),
      reasons: text('reasons', 5000),
      otherAgency: z.string().max(200).optional(),
    })
    .refine((p) => (p.outcome === undefined) !== (p.items === undefined), {
      error: '请填写 outcome（整件申请的办理结果），或 items（逐项的办理结果），二者择一',
      path: ['outcome'],
    }),
} satisfies Record<CaseAction, z.ZodType>;

export type ActionPayload<A extends CaseAction> = z.infer<(typeof ACTION_PAYLOADS)[A]>;
