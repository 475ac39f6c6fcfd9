import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { OUTCOMES } from '../../domain/report/vocabulary.ts';
import { DECISION_SLOTS } from '../../domain/requests/decision-fields.ts';
import { THIS_AGENCY_LEADS } from '../../domain/requests/intake.ts';
import { PROVISION_METHODS, PROVISION_REASONS } from '../../domain/requests/provision.ts';
import { CORRECTION_OUTCOMES, REFUSAL_GROUNDS } from '../../domain/requests/record-correction.ts';
import { WITHHELD_UNDER } from '../../domain/requests/remedies.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';

/** The input of each case action, with a Chinese message naming the field in Chinese. */
const date = (label: string) =>
  z.string({ error: `请填写${label}（YYYY-MM-DD 格式的日期）` }).refine(isIsoDate, {
    error: (issue) => `${label}“${String(issue.input)}”不是有效日期，请写成 YYYY-MM-DD`,
  });
const text = (label: string, max = 2000) =>
  z
    .string({ error: `请填写${label}（文字）` })
    .trim()
    .min(1, { error: `请填写${label}，不能为空` })
    .max(max, { error: `${label}超过 ${max} 个字符` });
const count = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能大于 ${max}` });
const outcome = (label: string) =>
  z.enum(OUTCOMES, { error: () => `${label}应为办理结果代码之一：${OUTCOMES.join('、')}` });

/** The values of the chosen basis's slots (domain/requests/decision-fields.ts), by slot. */
const decisionFields = z.partialRecord(
  z.enum(DECISION_SLOTS, { error: () => `答复书的填写项只能是：${DECISION_SLOTS.join('、')}` }),
  z.string({ error: '答复书的填写项应为文字' }).max(2000, { error: '答复书的填写项超过 2000 个字符' }),
  { error: '答复书的填写项应为 {"reason": "…"} 形式的对象' },
);

export const ACTION_PAYLOADS = {
  request_correction: z.object({ until: date('补正期限'), what: text('需要补正的事项') }),
  receive_correction: z.object({
    note: z.string().max(2000, { error: '补正情况超过 2000 个字符' }).optional(),
  }),
  close_correction_lapsed: z.object({}),
  send_consultation: z
    .object({
      party: text('征求意见对象', 200),
      kind: z.enum(['third_party', 'agency'], {
        error: '对象类型应为 third_party（第三方）或 agency（其他机关）',
      }),
      question: text('征求意见事项'),
      /** 条例 第三十四条: the other agencies that produced the information with this one (kind agency) */
      coProducers: z
        .array(text('共同制作机关', 200), { error: '共同制作机关应为机关名称的列表' })
        .min(1, { error: '请填写与本机关共同制作该信息的其他机关（至少一个，条例第三十四条）' })
        .max(20, { error: '共同制作机关最多 20 个' })
        .optional(),
      /** 条例 第三十四条: 'this' when this agency leads, else the name of the co-producer that leads */
      lead: text('牵头制作机关', 200).optional(),
    })
    .superRefine((p, ctx) => {
      if (p.kind === 'third_party') {
        if (p.coProducers !== undefined || p.lead !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['coProducers'],
            message:
              '征求第三方意见（条例第三十二条）不填写共同制作机关和牵头制作机关；征求其他机关意见时才填写',
          });
        return;
      }
      if (p.coProducers === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['coProducers'],
          message:
            '征求其他机关意见须写明与本机关共同制作该信息的其他机关（条例第三十四条“由两个以上行政机关共同制作”）',
        });
      if (p.lead === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['lead'],
          message: '请写明牵头制作机关：本机关牵头填 this，否则填牵头机关的名称（条例第三十四条）',
        });
      else if (p.lead !== THIS_AGENCY_LEADS && p.coProducers && !p.coProducers.includes(p.lead))
        ctx.addIssue({
          code: 'custom',
          path: ['lead'],
          message: `牵头制作机关“${p.lead}”不在共同制作机关之列：请填 this（本机关牵头）或共同制作机关之一`,
        });
    }),
  receive_consultation_reply: z.object({
    summary: text('回复摘要'),
    objects: z.boolean({ error: '“是否反对公开”应为 true 或 false' }),
  }),
  extend: z.object({
    days: count('延长的工作日数', 20).min(1, { error: '延长的工作日数应为 1–20 的整数' }),
    reason: text('延期理由'),
  }),
  send_fee_notice: z.discriminatedUnion(
    'method',
    [
      z.object({
        method: z.literal('per_piece'),
        pieces: count('本次件数', 100000).min(1, { error: '本次件数至少为 1' }),
        previousPiecesThisMonth: count('本月此前已申请件数', 100000),
      }),
      z.object({ method: z.literal('per_page'), pages: count('页数', 10000000) }),
    ],
    { error: '计收方式应为 per_piece（按件计收）或 per_page（按量计收）' },
  ),
  record_fee_payment: z.object({ amountYuan: count('缴费金额', 100000000) }),
  close_fee_lapsed: z.object({}),
  request_reasons: z.object({ what: text('需说明的事项') }),
  set_later_date: z.object({ until: date('延后的答复期限'), reason: text('理由') }),
  decide: z
    .object({
      outcome: outcome('办理结果').optional(),
      items: z
        .array(
          z.object({ description: text('逐项答复的信息名称', 500), outcome: outcome('逐项的办理结果') }),
          { error: '逐项的办理结果应为 [{"description","outcome"}] 列表' },
        )
        .min(1, { error: '逐项的办理结果至少要有一项' })
        .max(200, { error: '逐项的办理结果最多 200 项' })
        .optional(),
      basis: text('法律依据', 64),
      reasons: text('答复理由', 5000),
      /** the slots of the basis's sentence: reason, where, law, kind, agency, contact, basis */
      fields: decisionFields.optional(),
      /** what a 部分公开's withheld part rests on (条例 第十四–十六条 makes it review-first, 复议法 第二十三条) */
      withheldUnder: z
        .enum(WITHHELD_UNDER, {
          error: '不予公开部分的依据应为 a14、a15、a16 或 other（条例第十四、十五、十六条或其他）',
        })
        .optional(),
      /** the responsible agency (第三十六条第（五）项), the same as `fields.agency` */
      otherAgency: z.string().max(200, { error: '负责公开的行政机关超过 200 个字符' }).optional(),
    })
    .refine((p) => (p.outcome === undefined) !== (p.items === undefined), {
      error: '请填写办理结果（整件申请），或逐项的办理结果，二者择一',
      path: ['outcome'],
    }),
  /** 条例 第四十一条: the decision on a correction request; domain/requests/record-correction.ts checks the fields each outcome needs */
  decide_correction: z.object({
    outcome: z.enum(CORRECTION_OUTCOMES, {
      error: () =>
        '更正申请的处理结果应为 corrected（予以更正）、transferred（转送有权更正的机关）、referred（告知向有权更正的机关提出）或 refused（不予更正）',
    }),
    corrected: z
      .string({ error: '更正的内容应为文字' })
      .max(2000, { error: '更正的内容超过 2000 个字符' })
      .optional(),
    agency: z
      .string({ error: '有权更正的行政机关应为文字' })
      .max(200, { error: '有权更正的行政机关超过 200 个字符' })
      .optional(),
    contact: z
      .string({ error: '该机关的联系方式应为文字' })
      .max(200, { error: '该机关的联系方式超过 200 个字符' })
      .optional(),
    ground: z
      .enum(REFUSAL_GROUNDS, {
        error: () => '不予更正的依据应为 not_verified（审核不属实）或 insufficient_evidence（证据不足）',
      })
      .optional(),
    reason: z.string({ error: '理由应为文字' }).max(5000, { error: '理由超过 5000 个字符' }).optional(),
  }),
  /**
   * 条例 第四十条: how the information granted is provided; the rules (a reason when the form departs
   * from the request, the 查阅 day a working day not before today) are domain/requests/provision.ts's.
   */
  record_provision: z.object({
    method: z.enum(PROVISION_METHODS, {
      error:
        '请选择“提供方式”：paper（纸质）、electronic（电子数据）、other（其他适当形式）或 inspection（安排查阅、抄录）',
    }),
    reason: z
      .enum(PROVISION_REASONS, {
        error:
          '“不按申请人要求的形式提供的理由”应为 carrier_safety（可能危及政府信息载体安全）或 cost_too_high（公开成本过高）',
      })
      .optional(),
    how: z
      .string({ error: '“提供方式说明”应为文字' })
      .max(2000, { error: '“提供方式说明”超过 2000 个字符' })
      .optional(),
    otherForm: z
      .string({ error: '“其他适当形式”应为文字' })
      .max(200, { error: '“其他适当形式”超过 200 个字符' })
      .optional(),
    date: z
      .string({ error: '“查阅日期”应写成 YYYY-MM-DD' })
      .max(32, { error: '“查阅日期”应写成 YYYY-MM-DD' })
      .optional(),
    time: z
      .string({ error: '“查阅时间”应为文字' })
      .max(100, { error: '“查阅时间”超过 100 个字符' })
      .optional(),
    place: z
      .string({ error: '“查阅地点”应为文字' })
      .max(500, { error: '“查阅地点”超过 500 个字符' })
      .optional(),
    contact: z
      .string({ error: '“联系人及联系电话”应为文字' })
      .max(200, { error: '“联系人及联系电话”超过 200 个字符' })
      .optional(),
  }),
} satisfies Record<CaseAction, z.ZodType>;

export type ActionPayload<A extends CaseAction> = z.infer<(typeof ACTION_PAYLOADS)[A]>;
