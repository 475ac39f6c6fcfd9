/** Zod schemas of the item routes: bodies (the boundary) and responses (also the OpenAPI document). */
import { z } from 'zod';
import { ITEM_VALIDITIES, STATUTORY_CATEGORIES } from '../domain/items/categories.ts';
import { ITEM_STATES } from '../domain/items/state-machine.ts';
import { agencyCode, rowId } from './common.ts';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写成 YYYY-MM-DD' });
const flag = (what: string) => z.boolean({ error: `${what}应为 true 或 false` });

export const itemParams = z.object({
  code: agencyCode,
  id: rowId('信息编号'),
});
export const expectedVersion = z
  .number({ error: '版本号应为您看到的版本号（整数）' })
  .int({ error: '版本号应为整数' })
  .min(1, { error: '版本号应为正整数' })
  .describe('the version you saw; a later change by someone else gives 409');

/** The fields, none with a default (an edit sends only what changes). */
const fieldShape = {
  title: z.string({ error: '请填写标题' }).max(500, { error: '标题最长 500 个字' }),
  bodyHtml: z.string().describe('rich text; only the tags of an official document are kept'),
  category: z.enum(STATUTORY_CATEGORIES, { error: '法定类别应为 a20.1–a20.15 或 other' }),
  columnCode: z.string().max(32).nullable().describe("the agency's own sub-column (法定主动公开目录)"),
  issuer: z.string().max(200).describe('发文机关'),
  docNumber: z.string().max(200).nullable().describe('文号'),
  formedOn: isoDate.describe('成文日期'),
  validity: z.enum(ITEM_VALIDITIES, { error: '有效性应为 valid、expired 或 repealed' }),
  subject: z.string().max(200).describe('主题分类'),
  isPolicyDocument: flag('是否政策文件').describe('政策文件'),
  isInterpretation: flag('是否解读材料').describe('解读材料'),
  isMeeting: flag('是否会议'),
  isOnlineInterview: flag('是否在线访谈'),
};

export const createItemBody = z.object({
  ...fieldShape,
  bodyHtml: fieldShape.bodyHtml.default(''),
  columnCode: fieldShape.columnCode.default(null),
  issuer: fieldShape.issuer.default(''),
  docNumber: fieldShape.docNumber.default(null),
  validity: fieldShape.validity.default('valid'),
  subject: fieldShape.subject.default(''),
  isPolicyDocument: fieldShape.isPolicyDocument.default(false),
  isInterpretation: fieldShape.isInterpretation.default(false),
  isMeeting: fieldShape.isMeeting.default(false),
  isOnlineInterview: fieldShape.isOnlineInterview.default(false),
});

export const editItemBody = z
  .object({ expectedVersion })
  .extend(z.object(fieldShape).partial().shape)
  .describe('the fields to change, with the version you saw');

export const actionResultSchema = z.object({
  itemId: z.number().int(),
  version: z.number().int(),
  status: z.enum(ITEM_STATES),
  eventId: z.number().int(),
});

export const publishedSchema = actionResultSchema.extend({
  indexNo: z.string().describe('索引号: {prefix}/{year}-{category:2}-{seq:5}'),
  publishedOn: z.string(),
  late: z.boolean().describe('more than 20 working days after the formed date (条例第二十六条)'),
  dueOn: z.string(),
});

export const uploadedSchema = actionResultSchema.extend({
  attachmentId: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

const relatedItem = z.object({
  id: z.number().int(),
  indexNo: z.string().nullable(),
  title: z.string(),
  docNumber: z.string().nullable(),
  publishedOn: z.string().nullable(),
  status: z.string(),
});

const attachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string().describe('where to download it'),
});

export const itemSummarySchema = z.object({
  id: z.number().int(),
  indexNo: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  columnCode: z.string().nullable(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  formedOn: z.string(),
  publishedOn: z.string().nullable(),
  validity: z.string(),
  validityLabel: z.string(),
  subject: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  isPolicyDocument: z.boolean(),
  isInterpretation: z.boolean(),
  version: z.number().int(),
});

export const itemPageSchema = z.object({ total: z.number().int(), items: z.array(itemSummarySchema) });

export const publicItemSchema = itemSummarySchema
  .omit({ status: true, statusLabel: true, version: true })
  .extend({
    bodyHtml: z.string(),
    policy: relatedItem.nullable().describe('the policy document an interpretation explains'),
    interpretations: z.array(relatedItem).describe('the interpretations of a policy document'),
    attachments: z.array(attachmentSchema),
  });

export const itemDetailSchema = publicItemSchema.extend({
  status: z.string(),
  statusLabel: z.string(),
  version: z.number().int(),
  isMeeting: z.boolean(),
  isOnlineInterview: z.boolean(),
  allowedActions: z.array(z.string()),
  review: z
    .object({
      reviewer: z.string(),
      reviewedOn: z.string().nullable(),
      result: z.string().nullable(),
      opinion: z.string().nullable(),
    })
    .nullable()
    .describe('the last 保密审查 (条例第十七条)'),
  withdrawn: z.object({ on: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  timeliness: z.object({ dueOn: z.string(), workingDays: z.number().int(), late: z.boolean() }),
  postings: z.array(
    z.object({
      channel: z.string(),
      channelName: z.string(),
      publishedOn: z.string(),
      link: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string(),
      at: z.string(),
      actor: z.string(),
      stateBefore: z.string().nullable(),
      stateAfter: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  createdBy: z.string(),
  fromRequests: z
    .array(z.object({ id: z.number().int(), registrationNo: z.string().nullable(), information: z.string() }))
    .describe('条例第四十四条: the requests this item was drafted from (纳入主动公开)'),
});
