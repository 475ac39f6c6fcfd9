/**
 * The bodies of an item's steps (`POST …/items/:id/{endpoint}`), its attachment upload and the
 * agency's catalogue settings. Shared by the routes and the console (`z.input` of these); creating
 * and editing an item are items.ts's createItemBody and editItemBody.
 */
import { z } from 'zod';
import { STATUTORY_CATEGORIES } from '../domain/items/categories.ts';
import { expectedVersion, isoDate } from './items.ts';
import { fileUpload } from './request-inputs.ts';

const text = (what: string) =>
  z.string({ error: `请填写${what}` }).max(2000, { error: `${what}最长 2000 个字` });

/** Each step's body, by the endpoint after `…/items/:id/`. */
export const itemActionBodies = {
  submit: z.object({ expectedVersion }),
  approve: z.object({
    expectedVersion,
    opinion: text('审查意见').default(''),
    reviewedOn: isoDate.optional(),
    screeningConfirmed: z
      .boolean({ error: '“已核实自查结果”应为 true 或 false' })
      .optional()
      .describe('发布前自查: the reviewer has checked every finding (needed while anything is found)'),
    screeningNote: z.string().max(500, { error: '“自查核实说明”最长 500 个字' }).optional(),
  }),
  reject: z.object({ expectedVersion, reason: text('退回理由') }),
  publish: z.object({ expectedVersion, publishedOn: isoDate.optional() }),
  withdraw: z.object({ expectedVersion, reason: text('撤回理由'), withdrawnOn: isoDate.optional() }),
  postings: z.object({
    expectedVersion,
    channel: z.string({ error: '请选择发布渠道' }).max(32, { error: '发布渠道无效' }),
    postedOn: isoDate,
    link: z.string({ error: '请填写链接' }).max(2000, { error: '链接最长 2000 个字符' }),
  }),
  policy: z.object({
    expectedVersion,
    policyItemId: z
      .number({ error: '政策文件编号应为正整数，或 null（解除关联）' })
      .int({ error: '政策文件编号应为正整数' })
      .positive({ error: '政策文件编号应为正整数' })
      .nullable(),
  }),
} as const;

export type ItemEndpoint = keyof typeof itemActionBodies;

/** `POST …/items/:id/attachments`. */
export const itemAttachmentBody = z.object({ expectedVersion, ...fileUpload });

/** `PUT …/item-columns/:column`: one of the agency's own sub-columns. */
export const columnBody = z.object({
  name: z.string({ error: '请填写栏目名称' }).max(100, { error: '栏目名称最长 100 个字' }),
  category: z.enum(STATUTORY_CATEGORIES, { error: '法定类别应为 a20.1–a20.15 或 other' }),
  sort: z
    .number({ error: '排序应为整数' })
    .int({ error: '排序应为整数' })
    .min(0, { error: '排序不能为负数' })
    .default(0),
});

/** `PUT …/item-settings`: the 索引号 prefix. */
export const indexPrefixBody = z.object({
  indexPrefix: z.string({ error: '请填写索引号前缀' }).max(32, { error: '索引号前缀最长 32 个字符' }),
});
