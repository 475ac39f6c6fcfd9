/**
 * The bodies a request's staff routes take besides registration (register-request.ts): a case
 * action, a reconsideration or lawsuit, an attachment, a letter's 送达, a letter template, and the
 * online filing; with the responses of the attachment and the 送达. Shared by the routes and the
 * console (its types are `z.input`/`z.infer` of these).
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { DELIVERY_METHODS } from '../domain/letters/delivery.ts';
import { APPLICANT_TYPES, T4_GROUPS, T4_RESULTS } from '../domain/report/vocabulary.ts';
import { applicantBody, assistanceBody, registerBody } from './register-request.ts';

/** A day, checked as a real calendar date. */
const date = (what: string) =>
  z.string({ error: `请填写${what}（YYYY-MM-DD）` }).refine(isIsoDate, {
    error: `${what}无效，应写成 YYYY-MM-DD`,
  });

/** The case version the user saw; a later change by someone else gives 409. */
export const caseVersion = z
  .number({ error: '版本号应为您看到的版本号（整数）' })
  .int({ error: '版本号应为整数' })
  .min(0, { error: '版本号不能为负数' })
  .describe('the version you saw; a later change by someone else gives 409');

/** `POST …/requests/:id/actions/:action`. */
export const caseActionBody = z.object({
  expectedVersion: caseVersion,
  occurredOn: date('办理日期').optional().describe('the day it happened (default today)'),
  payload: z
    .record(z.string(), z.unknown(), { error: '办理内容应为一组字段' })
    .default({})
    .describe('the fields of the action'),
});

/** `POST …/requests/:id/reviews`: a 行政复议 or 行政诉讼 about the request, or its result. */
export const reviewCaseBody = z.object({
  group: z.enum(T4_GROUPS, {
    error: '类型应为 review（行政复议）、suit_direct（直接起诉）或 suit_after_review（复议后起诉）',
  }),
  filedOn: date('提起日期'),
  decidedOn: date('结案日期').nullable().default(null),
  result: z
    .enum(T4_RESULTS, { error: '结果应为 upheld（维持）、corrected（纠正）或 other（其他）' })
    .nullable()
    .default(null),
});

/** An upload as JSON (requests and items): the file's name and its content in base64. */
export const fileUpload = {
  fileName: z
    .string({ error: '请提供文件名' })
    .min(1, { error: '请提供文件名' })
    .max(255, { error: '文件名最长 255 个字符' }),
  contentBase64: z.string({ error: '请提供文件内容（base64）' }).describe('the file, base64'),
};

/** `POST …/requests/:id/attachments`. */
export const requestAttachmentBody = z.object({ expectedVersion: caseVersion, ...fileUpload });

export const requestAttachedSchema = z.object({
  attachmentId: z.number().int(),
  version: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});

/** `POST …/requests/:id/assistance`: the help given to the applicant (条例 第四十三条), checked by the domain. */
export const assistanceRecordBody = assistanceBody.extend({ expectedVersion: caseVersion });

export const assistanceRecordedSchema = z.object({ requestId: z.number().int(), version: z.number().int() });

/** `POST …/requests/:id/letters/:letterId/delivery`: the domain (checkDelivery) checks each field. */
export const letterDeliveryBody = z.object({
  expectedVersion: caseVersion,
  method: z
    .string({ error: '请选择送达方式' })
    .max(32, { error: '送达方式无效' })
    .describe(DELIVERY_METHODS.join(' | ')),
  sentOn: z.string({ error: '请填写送达日期（YYYY-MM-DD）' }).max(32, { error: '送达日期应写成 YYYY-MM-DD' }),
  trackingNo: z.string({ error: '邮件单号应为文字' }).max(64, { error: '邮件单号最长 40 位' }).nullish(),
  note: z.string({ error: '备注应为文字' }).max(2000, { error: '备注最长 500 个字' }).nullish(),
});

export const deliveryRecordedSchema = z.object({
  letterId: z.number().int(),
  version: z.number().int(),
  method: z.enum(DELIVERY_METHODS),
  sentOn: z.string(),
  trackingNo: z.string().nullable(),
  note: z.string().nullable(),
});

/** `PUT …/letter-templates/:kind`: an empty template restores the default. */
export const letterTemplateBody = z.object({
  template: z.string({ error: '请提供模板内容' }).max(20000, { error: '模板最长 20000 个字符' }),
});

/** `POST …/requests/online`: a request filed by the applicant (第二十九条). */
export const onlineRequestBody = z.object({
  applicantType: z.enum(APPLICANT_TYPES, {
    error: `申请人类型应为 ${APPLICANT_TYPES.join('、')} 之一`,
  }),
  applicant: applicantBody,
  publishSuggestion: registerBody.shape.publishSuggestion,
});
