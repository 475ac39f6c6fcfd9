/** The input of a request registration, as zod schemas: the API's body and the CLI's file. */
import { z } from 'zod';
import { APPLICANT_TYPES, REQUEST_CHANNELS } from '../domain/report/vocabulary.ts';
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
  channel: z.enum(REQUEST_CHANNELS, { error: `channel 应为 ${REQUEST_CHANNELS.join('、')} 之一` }),
  applicantType: z.enum(APPLICANT_TYPES, { error: `申请人类型应为 ${APPLICANT_TYPES.join('、')} 之一` }),
  applicant: applicantBody,
  receivedOn: z
    .string()
    .optional()
    .describe('第三十一条: the day handed in, signed for, or confirmed (YYYY-MM-DD)'),
  receiptNote: optionalText(500),
});
