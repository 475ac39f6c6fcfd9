/**
 * The agency's 政府信息公开指南 settings, its 查阅场所 and the catalogue's 备注说明, as the API and the
 * console exchange them (issue 13). 条例 第十二条第二款：“政府信息公开指南包括政府信息的分类、编排体系、获取方式和
 * 政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容。”
 * Every message names the field in Chinese and says what to write.
 */
import { z } from 'zod';
import { COLUMN_SCOPES } from '../domain/guide/column-notes.ts';
import { READING_POINT_KINDS } from '../domain/guide/reading-points.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, { error: `${label}最长 ${max} 个字符` });

const required = (label: string, max: number, example: string) =>
  text(label, max).min(2, { error: `请填写${label}（如：${example}）` });

/** A telephone or fax number: digits with an area code, “-”, brackets, spaces or 转 (extension). */
const PHONE = /^(?=(?:\D*\d){7})[0-9\-() （）转]+$/;
const phone = (label: string) =>
  text(label, 40).regex(PHONE, {
    error: `${label}应为带区号的号码，只含数字、“-”和“转”（如：0631-5700000）`,
  });
const optional = <T extends z.ZodType<string>>(schema: T) => z.union([z.literal(''), schema]);

export const agencyGuideBody = z
  .object({
    /** 政府信息公开工作机构的名称 */
    office: required('工作机构名称', 100, '临港区党政办公室'),
    /** 办公地址 (also where letters go) */
    address: required('办公地址', 200, '威海市临港区中韩路1号'),
    postcode: text('邮政编码', 6).regex(/^\d{6}$/, { error: '邮政编码应为6位数字（如：264200）' }),
    /** 办公时间 */
    officeHours: required('办公时间', 200, '工作日上午8:30—12:00，下午13:30—17:30'),
    phone: phone('联系电话'),
    fax: optional(phone('传真号码')).default(''),
    email: optional(
      text('电子邮箱', 200).pipe(z.email({ error: '电子邮箱格式不正确（如：gongkai@example.gov.cn）' })),
    ).default(''),
    acceptsFax: z.boolean({ error: '是否接受传真申请应为是或否' }).default(false),
    acceptsEmail: z.boolean({ error: '是否接受电子邮件申请应为是或否' }).default(false),
  })
  .superRefine((v, ctx) => {
    if (v.acceptsFax && v.fax === '')
      ctx.addIssue({ code: 'custom', path: ['fax'], message: '接受传真申请的，请填写传真号码' });
    if (v.acceptsEmail && v.email === '')
      ctx.addIssue({ code: 'custom', path: ['email'], message: '接受电子邮件申请的，请填写电子邮箱' });
  });
export type AgencyGuideInput = z.input<typeof agencyGuideBody>;
export type AgencyGuide = z.output<typeof agencyGuideBody>;

export const agencyGuideSchema = z.object({
  office: z.string(),
  address: z.string(),
  postcode: z.string(),
  officeHours: z.string(),
  phone: z.string(),
  fax: z.string(),
  email: z.string(),
  acceptsFax: z.boolean(),
  acceptsEmail: z.boolean(),
});

/** A 政府信息查阅场所 (条例 第二十五条). */
export const readingPointBody = z.object({
  name: required('查阅场所名称', 100, '威海市档案馆政府信息查阅中心'),
  kind: z.enum(READING_POINT_KINDS, { error: '场所类型应为档案馆、图书馆、政务服务中心或其他' }),
  address: required('查阅场所地址', 200, '威海市环翠区新威路1号'),
  hours: text('开放时间', 200).default(''),
  phone: optional(phone('查阅场所电话')).default(''),
  sort: z
    .number({ error: '排序应为整数' })
    .int({ error: '排序应为整数' })
    .min(0, { error: '排序应为0至999的整数' })
    .max(999, { error: '排序应为0至999的整数' })
    .default(0),
});
export type ReadingPointInput = z.input<typeof readingPointBody>;

export const readingPointSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  address: z.string(),
  hours: z.string(),
  phone: z.string(),
  sort: z.number().int(),
});
export type ReadingPoint = z.infer<typeof readingPointSchema>;
export const readingPointListSchema = z.object({ points: z.array(readingPointSchema) });

/** A column's 备注说明; '' removes it. */
export const columnNoteBody = z.object({
  note: text('备注说明', 500),
});
export const columnNoteParams = z.object({
  scope: z.enum(COLUMN_SCOPES, { error: '栏目范围应为 category（第二十条类别）或 column（子栏目）' }),
  column: z.string().min(1).max(32, { error: '栏目代码最长 32 个字符' }),
});

export const catalogueColumnSchema = z.object({
  scope: z.enum(COLUMN_SCOPES),
  code: z.string(),
  name: z.string(),
  count: z.number().int(),
  note: z.string(),
  blank: z.boolean().describe('nothing published and no note: a defect to fix'),
});
export type CatalogueColumnRow = z.infer<typeof catalogueColumnSchema>;
export const catalogueColumnListSchema = z.object({ columns: z.array(catalogueColumnSchema) });
