/** Test helpers of the letters: a realistic case of the demo agency, with every kind's section. */

import type { Outcome } from '../report/vocabulary.ts';
import type { DecisionSlot } from '../requests/decision-fields.ts';
import type { CorrectionDecision, CorrectionRequest } from '../requests/record-correction.ts';
import { type AnswerInput, answerSection } from './answer-section.ts';
import { correctionAnswerSection } from './correction-answer-section.ts';
import { feeSection } from './fee-section.ts';
import type { LetterData } from './letter-data.ts';

/** A case of 威海临港经济技术开发区管理委员会 with every section filled; override any field. */
export function sampleLetterData(overrides: Partial<LetterData> = {}): LetterData {
  return {
    agency: {
      name: '威海临港经济技术开发区管理委员会',
      office: '党政办公室',
      address: '威海临港经济技术开发区江苏东路',
      postcode: '264211',
      phone: '0631-5587393',
      contact: '王明',
    },
    case: {
      registrationNo: '临港依申请〔2021〕3号',
      trackingCode: 'k7m2p9q4r8s3t6v5w2x9y4z7a3b8c5d2',
      receivedOn: '2021-03-02',
      answerDueOn: '2021-03-30',
      information: '2020年度临港区城镇老旧小区改造项目的招标文件及中标通知书',
      form: '纸质，邮寄',
    },
    applicant: { name: '李华' },
    issuedOn: '2021-03-08',
    correction: {
      items: ['请写明所需政府信息的名称、文号或者便于查询的其他特征性描述', '请提供有效的身份证明复印件'],
      dueOn: '2021-03-22',
    },
    consultation: {
      toAgency: false,
      party: '威海临港建设工程有限公司',
      question: '贵方是否同意公开上述中标通知书及投标报价明细。',
      replyDueOn: '2021-03-29',
    },
    extension: {
      days: 20,
      newDueOn: '2021-04-28',
      reason: '申请公开的政府信息涉及多个项目、需要逐一调取档案',
    },
    fee: feeSection(
      { method: 'per_piece', previousPiecesThisMonth: 28, pieces: 5 },
      '2021-04-07',
      '通过“山东省非税收入缴款系统”扫码缴纳，或者到本机关财政所窗口缴纳。',
    ),
    provision: {
      inspection: false,
      decidedOn: '2021-03-26',
      outcomeLabel: '予以公开',
      formLabel: '纸质',
      how: '随本告知书邮寄招标文件及中标通知书复印件，共12页',
    },
    ...overrides,
  };
}

/** 查阅、抄录 arranged (条例 第四十条) instead of the paper copies asked for, whose cost is too high. */
export const SAMPLE_INSPECTION = {
  inspection: true,
  decidedOn: '2021-03-26',
  outcomeLabel: '部分公开',
  reason: '公开成本过高',
  date: '2021-04-07',
  time: '上午9:00至11:30',
  place: '威海临港经济技术开发区管理委员会党政办公室档案室（江苏东路1号三楼）',
  contact: '王明，0631-5587393',
} as const;

/** The sample case answered: its answer section and remedies from the decision. */
export function answeredLetterData(input: AnswerInput, overrides: Partial<LetterData> = {}): LetterData {
  const result = answerSection(input);
  if (!result.ok) throw new Error(result.message);
  return sampleLetterData({ answer: result.answer, remedies: result.remedies, ...overrides });
}

/** A decision of each outcome group, as staff would record it. */
export const SAMPLE_DECISIONS: Record<string, AnswerInput> = {
  granted: {
    outcome: 'granted',
    slots: { delivery: '相关政府信息共12页，本机关将于本答复书送达之日起5个工作日内以邮寄方式向您提供' },
  },
  partial: {
    outcome: 'partial',
    slots: {
      delivery: '可以公开的部分共8页，随本答复书一并邮寄',
      reason: '中标人的投标报价明细属于商业秘密，经书面征求第三方意见，第三方不同意公开且理由合理',
    },
    items: [
      { description: '招标文件', outcome: 'granted' },
      { description: '投标报价明细', outcome: 'denied.third_party', reason: '该部分涉及第三方商业秘密。' },
    ],
  },
  denied: { outcome: 'denied.state_secret', reasons: '该信息已由定密机关依法确定为秘密级国家秘密。' },
  unable: { outcome: 'unable.not_held' },
  not_processed: { outcome: 'not_processed.petition' },
  other: { outcome: 'other.no_correction' },
};

/**
 * A value for every slot a basis may need (decision-fields.ts), some typed with their own closing
 * punctuation as staff do, which the letter must not double.
 */
export const SAMPLE_SLOTS: Record<DecisionSlot, string> = {
  delivery: '本机关将于本答复书送达之日起5个工作日内以邮寄方式向您提供，共12页。',
  reason: '该部分涉及第三方商业秘密，经书面征求意见，第三方不同意公开且理由合理；',
  where: '本机关门户网站“政府信息公开”专栏中的《2020年度老旧小区改造项目公示》',
  law: '《不动产登记暂行条例》',
  kind: '不动产登记资料',
  agency: '威海市自然资源和规划局，',
  contact: '联系电话0631-5200000',
  basis: '您申请的事项已由本机关于2021年3月5日另行书面答复，本机关不再重复答复',
  unconsulted: '第三方已注销，无法联系',
};

/** A decision of an outcome on a basis as staff record it: every field filled, reasons written. */
export function sampleDecision(outcome: Outcome, basisCode: string): AnswerInput {
  const items =
    outcome === 'partial'
      ? [
          { description: '招标文件', outcome: 'granted' as const },
          {
            description: '投标报价明细',
            outcome: 'denied.third_party' as const,
            reason: '涉及第三方商业秘密',
          },
        ]
      : undefined;
  return { outcome, basisCode, slots: SAMPLE_SLOTS, reasons: '经本机关审查', items };
}

/** A request to correct a record about the applicant (条例 第四十一条), as registered. */
export const SAMPLE_CORRECTION_REQUEST: CorrectionRequest = {
  record: '2020年度临港区城乡低保对象名单中李华的家庭人口数',
  inaccuracy: '名单记载家庭人口为4人，实际为3人',
  evidence: '户口簿复印件、派出所出具的户籍证明',
};

/** A decision of each outcome of a correction request, as staff would record it. */
export const SAMPLE_CORRECTION_DECISIONS: Record<string, CorrectionDecision> = {
  corrected: { outcome: 'corrected', corrected: '将家庭人口由4人更正为3人，并已在本机关网站更新该名单' },
  transferred: {
    outcome: 'transferred',
    agency: '威海市公安局临港分局',
    reason: '户籍信息由公安机关登记管理。',
  },
  referred: { outcome: 'referred', agency: '威海市民政局', contact: '0631-5233001' },
  refused: {
    outcome: 'refused',
    ground: 'insufficient_evidence',
    reason: '您提供的户籍证明开具于2021年，不能证明名单制作时（2020年6月）的家庭人口',
  },
};

/** The sample case as a correction request (its record as the information) answered by the decision. */
export function correctionLetterData(
  decision: CorrectionDecision,
  bodies = { reviewBody: '威海市人民政府', court: '威海市环翠区人民法院' },
): LetterData {
  const result = correctionAnswerSection(SAMPLE_CORRECTION_REQUEST, decision, bodies);
  if (!result.ok) throw new Error(result.message);
  const base = sampleLetterData();
  return {
    ...base,
    case: { ...base.case, information: SAMPLE_CORRECTION_REQUEST.record, form: '' },
    correctionAnswer: result.correctionAnswer,
    remedies: result.remedies,
  };
}
