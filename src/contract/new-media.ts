/**
 * The 政务新媒体 registry's contract (docs/new-media.md): the bodies of register, edit and the
 * steps (关停, 注销, 恢复运营), and the answers — an account with its postings and silence, the
 * list, one account with its events, a year's statistics.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { ACCOUNT_STATES, FILING_STATUSES, NEW_MEDIA_PLATFORMS } from '../domain/new-media/accounts.ts';
import { SILENCE_LEVELS } from '../domain/new-media/silence.ts';
import { agencyCode, rowId } from './common.ts';

/** A day, the field named by its Chinese label. */
const day = (label: string) =>
  z
    .string({ error: `请填写“${label}”，写成 YYYY-MM-DD 格式的日期` })
    .refine(isIsoDate, { error: `“${label}”不是有效日期，请写成 YYYY-MM-DD，如 2021-03-01` });

/** A required text, named by its label. */
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写“${label}”（文字）` })
    .trim()
    .min(1, { error: `请填写“${label}”，不能为空` })
    .max(max, { error: `“${label}”最长 ${max} 个字，请精简` });

/** An optional text, named by its label ('' when left out). */
const optional = (label: string, max: number) =>
  z
    .string({ error: `“${label}”应为文字` })
    .trim()
    .max(max, { error: `“${label}”最长 ${max} 个字，请精简` });

const platform = z.enum(NEW_MEDIA_PLATFORMS, {
  error:
    '“平台”应为 wechat（微信公众号）、weibo（微博）、douyin（抖音）、kuaishou（快手）、channels（视频号）、toutiao（今日头条）、xiaohongshu（小红书）、bilibili（哔哩哔哩）或 other（其他）',
});
const filingStatus = z.enum(FILING_STATUSES, {
  error: '“备案状态”应为 filed（已备案）、pending（备案中）或 not_filed（未备案）',
});
const expectedVersion = z
  .number({ error: '缺少版本号 expectedVersion，请刷新页面后重试' })
  .int({ error: '版本号 expectedVersion 应为整数' })
  .positive({ error: '版本号 expectedVersion 应为正整数' });

/** The fields staff enter; the rules across fields are domain/new-media/accounts.ts's. */
const fields = {
  name: text('账号名称', 100),
  accountId: optional('账号', 100),
  hostUnit: text('主办单位', 200),
  openedOn: day('开设日期'),
  filingStatus,
  filingNo: optional('备案编号', 100),
  manager: text('负责人', 50),
  managerPhone: optional('负责人电话', 40),
  note: optional('备注', 1000),
};

/** 登记: a new account (its channel is linked or created). */
export const registerAccountBody = z.object({
  platform,
  ...fields,
  accountId: fields.accountId.default(''),
  filingStatus: filingStatus.default('not_filed'),
  filingNo: fields.filingNo.default(''),
  managerPhone: fields.managerPhone.default(''),
  note: fields.note.default(''),
});
export type RegisterAccountInput = z.input<typeof registerAccountBody>;

/** 修改: the fields to change (the platform stays: a different platform is a different account). */
export const editAccountBody = z.object({
  expectedVersion,
  name: fields.name.optional(),
  accountId: fields.accountId.optional(),
  hostUnit: fields.hostUnit.optional(),
  openedOn: fields.openedOn.optional(),
  filingStatus: filingStatus.optional(),
  filingNo: fields.filingNo.optional(),
  manager: fields.manager.optional(),
  managerPhone: fields.managerPhone.optional(),
  note: fields.note.optional(),
});
export type EditAccountInput = z.input<typeof editAccountBody>;

/** 关停, 注销, 恢复运营: the day and the reason (required to close or cancel). */
export const accountActionBody = z.object({
  expectedVersion,
  on: day('日期'),
  reason: optional('原因', 500).default(''),
});
export type AccountActionInput = z.input<typeof accountActionBody>;

export const accountParams = z.object({ code: agencyCode, id: rowId('账号编号') });
/** `?year=`: the year of the postings counted (default this year). */
export const yearQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { error: '年份应为四位数字，如 2025' })
    .transform(Number)
    .optional(),
});

export const silenceSchema = z.object({
  days: z.number().int().nullable().describe('calendar days since the last posting (or the opening)'),
  level: z.enum(SILENCE_LEVELS),
  label: z.string(),
  daysToVeto: z.number().int().nullable().describe('days left before 2 weeks without an update'),
});

export const accountSchema = z.object({
  id: z.number().int(),
  channelCode: z.string(),
  channelName: z.string(),
  platform: z.enum(NEW_MEDIA_PLATFORMS),
  platformLabel: z.string(),
  name: z.string(),
  accountId: z.string(),
  hostUnit: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  /** every 关停, oldest first: closed from, operating again from (null: still closed) */
  closures: z.array(z.object({ closedOn: z.string(), reopenedOn: z.string().nullable() })),
  state: z.enum(ACCOUNT_STATES),
  stateLabel: z.string(),
  filingStatus: z.enum(FILING_STATUSES),
  filingStatusLabel: z.string(),
  filingNo: z.string(),
  manager: z.string(),
  managerPhone: z.string(),
  note: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastPostedOn: z.string().nullable().describe('the last publication on its channel'),
  postings: z.number().int().describe('publications on its channel, all years'),
  postingsInYear: z.number().int().describe('publications on its channel dated in the year asked'),
  silence: silenceSchema,
});

export const accountListSchema = z.object({
  today: z.string(),
  year: z.number().int(),
  accounts: z.array(accountSchema),
  alarms: z.object({ warning: z.number().int(), overdue: z.number().int() }),
});

export const accountDetailSchema = z.object({
  today: z.string(),
  year: z.number().int(),
  account: accountSchema,
  events: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      label: z.string(),
      actor: z.string(),
      actorName: z.string(),
      at: z.string(),
      data: z.unknown(),
    }),
  ),
});

const counts = {
  openAtYearEnd: z.number().int(),
  opened: z.number().int(),
  closed: z.number().int(),
  cancelled: z.number().int(),
  postings: z.number().int(),
};

export const statisticsSchema = z.object({
  year: z.number().int(),
  platforms: z.array(z.object({ platform: z.enum(NEW_MEDIA_PLATFORMS), label: z.string(), ...counts })),
  total: z.object(counts),
  accounts: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      platform: z.enum(NEW_MEDIA_PLATFORMS),
      postings: z.number().int(),
    }),
  ),
});
