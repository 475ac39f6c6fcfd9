/** The input of a request registration, as zod schemas: the API's body and the CLI's file. */
import { z } from 'zod';
import { APPLICANT_TYPES, REQUEST_CHANNELS } from '../domain/report/vocabulary.ts';

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

/** The body of a staff registration (and of `gongkai request register FILE`). */
export const registerBody = z.object({
  channel: z.enum(REQUEST_CHANNELS, { error: `channel 应为 ${REQUEST_CHANNELS.join('、')} 之一` }),
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
});
