/** Zod schemas of the item routes: bodies (the boundary) and responses (also the OpenAPI document). */
import { z } from 'zod';
import { ITEM_VALIDITIES, STATUTORY_CATEGORIES } from '../domain/items/categories.ts';
import { ITEM_DOCUMENT_TYPES, ITEM_SORTS } from '../domain/items/list.ts';
import { ITEM_STATES } from '../domain/items/state-machine.ts';
import { approvalRequestSchema } from './approvals.ts';
import { agencyCode, decimal, rowId } from './common.ts';

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

/** The staff list's filters, order and page (the console keeps them in its address). */
export const itemListQuery = z.object({
  status: z.enum(ITEM_STATES, { error: '“状态”筛选不是可选的状态之一，请从列表中选择' }).optional(),
  category: z.enum(STATUTORY_CATEGORIES, { error: '“法定类别”筛选应为 a20.1–a20.15 或 other' }).optional(),
  column: z.string().max(32, { error: '“栏目”代码最长 32 个字' }).optional(),
  year: decimal(z.number({ error: '年度应为1990到2100之间的四位年份' }).int().min(1990).max(2100))
    .optional()
    .describe('year of 成文日期'),
  q: z
    .string()
    .max(100, { error: '检索词最长 100 个字' })
    .optional()
    .describe('words in the title, the 索引号 or the 文号'),
  policyDocument: z
    .enum(['true', 'false'], { error: '“政策文件”筛选应为 true 或 false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('only policy documents (政策文件), or only other items'),
  type: z
    .enum(ITEM_DOCUMENT_TYPES, { error: '“类型”筛选应为政策文件、解读材料或其他信息之一' })
    .optional()
    .describe('policy: 政策文件; interpretation: 解读材料; other: neither'),
  channel: z
    .string()
    .max(32, { error: '“发布渠道”代码最长 32 个字' })
    .optional()
    .describe('only items posted on this channel (a code of …/channels)'),
  sort: z
    .enum(ITEM_SORTS, { error: '“排序”应为按更新时间、发布日期、成文日期或标题之一' })
    .optional()
    .describe('updated (default), published, formed: newest first; title: in character order'),
  limit: decimal(z.number({ error: '每页条数应为1到200之间的整数' }).int().min(1).max(200)).default(50),
  offset: decimal(z.number({ error: '起始位置应为0或正整数' }).int().min(0)).default(0),
});

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
      reviewerName: z.string().describe('the reviewer’s name (姓名)'),
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
      actorName: z.string().describe('the user’s name (姓名)'),
      stateBefore: z.string().nullable(),
      stateAfter: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  createdBy: z.string(),
  createdByName: z.string().describe('the author’s name (姓名)'),
  fromRequests: z
    .array(z.object({ id: z.number().int(), registrationNo: z.string().nullable(), information: z.string() }))
    .describe('条例第四十四条: the requests this item was drafted from (纳入主动公开)'),
  approvals: z
    .array(approvalRequestSchema)
    .describe('the item’s requests for approval (提请签发发布: 发布 is the 审批负责人’s), newest first'),
});
