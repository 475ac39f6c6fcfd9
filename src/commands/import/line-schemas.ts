import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { moneyMessage, readMoney } from '../../domain/money.ts';
import { figureImportKey, OPTIONAL_FIGURE_FIELDS } from '../../domain/report/figures.ts';
import {
  AGENCY_KINDS,
  APPLICANT_TYPES,
  NORMATIVE_KINDS,
  OUTCOMES,
  PUBLICATION_CATEGORIES,
  REQUEST_CHANNELS,
  T4_GROUPS,
  T4_RESULTS,
} from '../../domain/report/vocabulary.ts';

/**
 * The record types of `gongkai import` (JSON Lines, one record a line with a `type`), documented
 * in docs/import-format.md. Every message names the field and says what to write instead.
 */
const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: () => `字段 ${field} 应为以下之一：${values.join('、')}` });

const date = (field: string) =>
  z.string({ error: `字段 ${field} 缺失或不是文本，请写成 YYYY-MM-DD 格式的日期` }).refine(isIsoDate, {
    error: (issue) => `字段 ${field} 的值“${String(issue.input)}”不是有效日期，请写成 YYYY-MM-DD`,
  });

const text = (field: string, max = 500) =>
  z
    .string({ error: `字段 ${field} 缺失或不是文本` })
    .trim()
    .min(1, { error: `字段 ${field} 不能为空` })
    .max(max, { error: `字段 ${field} 超过 ${max} 个字符` });

const optionalText = (field: string, max = 500) =>
  z
    .string({ error: `字段 ${field} 应为文本` })
    .max(max, { error: `字段 ${field} 超过 ${max} 个字符` })
    .default('');

const count = (field: string) =>
  z
    .number({ error: `字段 ${field} 应为数字` })
    .int({ error: `字段 ${field} 应为整数` })
    .min(0, { error: `字段 ${field} 不能为负数` });

const flag = (field: string) => z.boolean({ error: `字段 ${field} 应为 true 或 false` }).default(false);
const agencyCode = text('agency', 64);
const ref = z
  .string({ error: '字段 ref 应为文本' })
  .trim()
  .min(1, { error: '字段 ref 不能为空（不需要时请省略该字段）' })
  .max(128, { error: '字段 ref 超过 128 个字符' })
  .optional();

/**
 * A line's object: a field it does not know is refused, naming it (a typo — `recieved` — must not
 * pass silently and leave the real field at its default), with the fields the line does take.
 */
const line = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `未知字段 ${issue.keys.map((k) => `“${k}”`).join('、')}：请检查拼写（这一类记录可用的字段：${Object.keys(shape).join('、')}）`
        : undefined,
  });

export const agencyLine = line({
  type: z.literal('agency'),
  code: text('code', 64).regex(/^[a-z0-9][a-z0-9_-]*$/, { error: '字段 code 只能用小写字母、数字、- 和 _' }),
  name: text('name', 200),
  short_name: optionalText('short_name', 100),
  parent: z.string({ error: '字段 parent 应为上级机关的代码（文本）' }).optional(),
  kind: oneOf('kind', AGENCY_KINDS),
  address: optionalText('address'),
  postcode: optionalText('postcode', 16),
  phone: optionalText('phone', 64),
  website: optionalText('website'),
  website_name: optionalText('website_name'),
  office: optionalText('office'),
  /** 条例 第四十九条 does not bind this kind: the agency's own annual report deadline, “MM-DD” of the next year */
  report_deadline: z
    .string({ error: '字段 report_deadline（年度报告发布期限）应为文本' })
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      error: '字段 report_deadline（年度报告发布期限）应为“月-日”，如“03-31”',
    })
    .nullable()
    .optional(),
  // Where its answers send the applicant (复议法 第二十三条第二款, 诉讼法 第四十六条, 条例 第四十七条第二款);
  // left out: unchanged (an agency's settings are not cleared by re-importing its line).
  review_body: z
    .string({ error: '字段 review_body 应为行政复议机关的全称（文本）' })
    .trim()
    .max(200, { error: '字段 review_body 超过 200 个字符' })
    .optional(),
  court: z
    .string({ error: '字段 court 应为行政诉讼管辖法院的全称（文本）' })
    .trim()
    .max(200, { error: '字段 court 超过 200 个字符' })
    .optional(),
  complaint_channel: z
    .string({ error: '字段 complaint_channel 应为投诉渠道（文本）' })
    .trim()
    .max(500, { error: '字段 complaint_channel 超过 500 个字符' })
    .optional(),
  channels: z
    .array(line({ code: text('channels[].code', 32), name: text('channels[].name', 32) }), {
      error: '字段 channels 应为 [{"code":…,"name":…}] 列表',
    })
    .optional(),
});

export const publicationLine = line({
  type: z.literal('publication'),
  agency: agencyCode,
  ref,
  title: text('title', 1000),
  category: oneOf('category', PUBLICATION_CATEGORIES),
  channel: text('channel', 32),
  formed: date('formed'),
  published: date('published'),
  policy_document: flag('policy_document'),
  interpretation: flag('interpretation'),
  interprets: z.string({ error: '字段 interprets 应为所解读政策文件的 ref' }).optional(),
  meeting: flag('meeting'),
  online_interview: flag('online_interview'),
});

export const normativeLine = line({
  type: z.literal('normative_document'),
  agency: agencyCode,
  kind: oneOf('kind', NORMATIVE_KINDS),
  number: text('number', 200),
  title: text('title', 1000),
  issued: date('issued'),
  repealed: date('repealed').nullable().default(null),
});

const FEES_WAN = '字段 fees_wan（行政事业性收费 本年收费金额，万元）';

export const adminFiguresLine = line({
  type: z.literal('admin_figures'),
  agency: agencyCode,
  year: count('year')
    .min(1990, { error: '字段 year 应为四位年份' })
    .max(2999, { error: '字段 year 应为四位年份' }),
  license: count('license'),
  penalty: count('penalty'),
  enforcement: count('enforcement'),
  // 万元 as the report prints it, up to six decimals (“24252.311082”); text, so no float holds it
  fees_wan: z
    .string({ error: `${FEES_WAN}应为文本形式的万元金额，如 "706" 或 "24252.311082"` })
    .superRefine((text, ctx) => {
      const reading = readMoney(text, 'wan');
      if (!reading.ok)
        ctx.addIssue({ code: 'custom', message: moneyMessage(FEES_WAN, text, reading.problem, 'wan') });
    }),
  // the 2019 format's own figures (reports on 2019 and 2020), each optional; checked by parseFigures
  ...Object.fromEntries(
    OPTIONAL_FIGURE_FIELDS.map((f) => [figureImportKey(f.key), z.union([z.number(), z.string()]).nullish()]),
  ),
});

const outcome = oneOf('outcome', OUTCOMES);

export const requestLine = line({
  type: z.literal('request'),
  agency: agencyCode,
  ref,
  applicant_type: oneOf('applicant_type', APPLICANT_TYPES),
  channel: oneOf('channel', REQUEST_CHANNELS),
  received: date('received'),
  decided: date('decided').nullable(),
  outcome: outcome.nullable(),
  fee_yuan: count('fee_yuan').default(0),
  items: z.array(oneOf('items[]', OUTCOMES), { error: '字段 items 应为各项办理结果代码的列表' }).default([]),
});

export const reviewLine = line({
  type: z.literal('review_case'),
  agency: agencyCode,
  group: oneOf('group', T4_GROUPS),
  request: z.string({ error: '字段 request 应为所涉申请的 ref' }).optional(),
  filed: date('filed'),
  decided: date('decided').nullable().default(null),
  result: oneOf('result', T4_RESULTS).nullable().default(null),
});

export const LINE_SCHEMAS = {
  agency: agencyLine,
  publication: publicationLine,
  normative_document: normativeLine,
  admin_figures: adminFiguresLine,
  request: requestLine,
  review_case: reviewLine,
} as const;

export type LineType = keyof typeof LINE_SCHEMAS;
export type ImportLine = { [K in LineType]: z.infer<(typeof LINE_SCHEMAS)[K]> }[LineType];
