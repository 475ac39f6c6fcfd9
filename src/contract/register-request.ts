/** The input of a request registration, as zod schemas: the API's body and the CLI's file. */
import { z } from 'zod';
import { APPLICANT_TYPES, REQUEST_CHANNELS } from '../domain/report/vocabulary.ts';
import {
  ASSISTANCE_NEED_LABELS,
  ASSISTANCE_NEEDS,
  ORAL_CONFIRMATION_LABELS,
  ORAL_CONFIRMATIONS,
} from '../domain/requests/intake.ts';
import { REQUEST_KINDS } from '../domain/requests/record-correction.ts';

const optionalText = (max: number) => z.string().max(max).optional();

/** The applicant and the information sought (第二十九条); the domain checks each field. */
export const applicantBody = z.object({
  name: optionalText(200),
  idType: optionalText(40),
  idNumber: optionalText(64),
  idName: optionalText(100),
  phone: optionalText(40),
  email: optionalText(200),
  address: optionalText(500),
  information: optionalText(5000),
  docNumber: optionalText(200),
  form: optionalText(20),
  formOther: optionalText(200),
  delivery: optionalText(20),
  deliveryOther: optionalText(200),
});

/** What a correction request states (条例 第四十一条); the domain checks each field (correctionRequestProblems). */
export const correctionBody = z.object({
  record: optionalText(2000).describe('the government information record about the applicant to correct'),
  inaccuracy: optionalText(5000).describe('what in it is inaccurate, and what it should say'),
  evidence: optionalText(5000).describe(
    'the evidence offered; files can be attached to the case after registration',
  ),
});

/**
 * An oral application written up by the office (条例 第二十九条第一款); the domain checks each field
 * (domain/requests/intake.ts), so a missing one gets its own Chinese message.
 */
export const oralBody = z
  .object({
    difficulty: optionalText(2000).describe('书面形式确有困难的情形'),
    confirmation: optionalText(20).describe(
      `how the applicant confirmed what the office wrote up: ${ORAL_CONFIRMATIONS.map((c) => `${c} ${ORAL_CONFIRMATION_LABELS[c]}`).join(', ')}`,
    ),
    confirmationNote: optionalText(2000),
  })
  .describe('条例 第二十九条第一款: required for the channel oral, refused for any other');

/** The help given under 条例 第四十三条 (阅读困难、视觉障碍、听觉障碍); the domain checks each field. */
export const assistanceBody = z.object({
  needs: z
    .array(z.string().max(20), { error: '申请人存在的困难应为列表' })
    .max(3, { error: '申请人存在的困难最多三项' })
    .optional()
    .describe(ASSISTANCE_NEEDS.map((n) => `${n} ${ASSISTANCE_NEED_LABELS[n]}`).join(', ')),
  help: optionalText(2000).describe('the help given'),
});

/** The body of a staff registration (and of `gongkai request register FILE`). */
export const registerBody = z.object({
  kind: z
    .enum(REQUEST_KINDS, {
      error: '申请类型应为 disclosure（政府信息公开申请）或 record_correction（更正申请，条例第四十一条）',
    })
    .default('disclosure')
    .describe(
      'disclosure (default), or record_correction: a request to correct a record about the applicant (条例 第四十一条)',
    ),
  correction: correctionBody
    .optional()
    .describe('required for record_correction: the record, what is inaccurate, the evidence'),
  channel: z.enum(REQUEST_CHANNELS, { error: `“收到方式”应为 ${REQUEST_CHANNELS.join('、')} 之一` }),
  applicantType: z.enum(APPLICANT_TYPES, { error: `申请人类型应为 ${APPLICANT_TYPES.join('、')} 之一` }),
  applicant: applicantBody,
  receivedOn: z
    .string()
    .optional()
    .describe('第三十一条: the day handed in, signed for, or confirmed (YYYY-MM-DD)'),
  receiptNote: optionalText(500),
  publishSuggestion: z
    .object({
      reasons: z.array(z.string(), { error: '“建议纳入主动公开的理由”应为理由的列表。' }),
      note: optionalText(500),
    })
    .optional()
    .describe(
      '条例第四十四条第二款: the applicant suggests publishing the information proactively, with the reasons',
    ),
  oral: oralBody.optional(),
  assistance: assistanceBody.optional().describe('条例 第四十三条: the help given, if any'),
});

/**
 * The body of 当场答复 (条例 第三十三条第一款, `POST …/requests/on-the-spot`, `gongkai request
 * on-the-spot FILE`): a registration without its day (received today), handed in person, and the
 * payload of `decide`, checked as the 作出答复 action checks it.
 */
export const onTheSpotBody = registerBody
  .omit({ receivedOn: true, channel: true, kind: true, correction: true })
  .extend({
    // 条例 第三十三条第一款 is about the 政府信息公开申请; a 更正申请 (第四十一条) has its own decision
    kind: z
      .literal('disclosure', {
        error:
          '当场答复（条例第三十三条第一款）只适用于政府信息公开申请；更正申请（条例第四十一条）请登记后以“答复更正申请”答复。',
      })
      .optional()
      .describe(
        'disclosure only: a correction request (条例 第四十一条) is registered, then answered with decide_correction',
      ),
    channel: z
      .enum(REQUEST_CHANNELS, { error: '“收到方式”应为 in_person（当面）' })
      .default('in_person')
      .describe('in_person: handed in at the office'),
    decision: z
      .record(z.string(), z.unknown(), {
        error: '请填写“答复”：办理结果、法律依据、答复理由及所选依据要求的各项（与“作出答复”相同）',
      })
      .describe('the payload of the decide action: outcome or items, basis, reasons, fields, withheldUnder'),
  });
