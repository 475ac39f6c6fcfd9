/**
 * The agency tree's contract (platform administrator; docs/agencies.md): the whole tree as a list
 * (each agency with its parent's code and its children counted), a new agency, a change of one
 * (rename, move, retire or reactivate), and a JSON Lines file of a whole tree.
 */
import { z } from 'zod';
import { AGENCY_LEVELS } from '../domain/agencies/tree.ts';
import { AGENCY_KINDS } from '../domain/report/vocabulary.ts';

const code = z
  .string({ error: '请填写机关代码' })
  .trim()
  .min(1, { error: '请填写机关代码' })
  .max(64, { error: '机关代码最长 64 个字符' })
  .describe('agency code: lower-case letters, digits, - and _');

const name = z
  .string({ error: '请填写机关名称' })
  .trim()
  .min(1, { error: '请填写机关名称（全称）' })
  .max(200, { error: '机关名称最长 200 个字符' });

const shortName = z
  .string({ error: '简称应为文本' })
  .trim()
  .max(100, { error: '简称最长 100 个字符' })
  .describe("'' or absent: the full name");

const parent = z
  .string({ error: '上级机关应为机关代码' })
  .trim()
  .min(1, { error: '上级机关代码不能为空；放在最上层请写 null' })
  .nullable()
  .describe('the parent agency code; null: a root');

export const agencyLevel = z
  .enum(['', ...AGENCY_LEVELS], { error: `层级应为 ${AGENCY_LEVELS.join('、')} 之一，或空` })
  .describe("province | city | county | department | township; '' not stated");

export const agencyKind = z.enum(AGENCY_KINDS, { error: `类型应为 ${AGENCY_KINDS.join('、')} 之一` });

/** One agency in the tree. */
export const agencyTreeEntry = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  parentCode: z.string().nullable(),
  kind: z.string(),
  level: z.string().describe("'' when not stated"),
  retiredOn: z.string().nullable().describe('the day it was retired; null while active'),
  children: z.number().int().describe('agencies directly below it'),
  activeChildren: z.number().int().describe('of which active'),
  descendants: z.number().int().describe('agencies anywhere below it'),
});

/** The whole tree: every agency, parents before their children (each level by code). */
export const agencyTreeSchema = z.object({ agencies: z.array(agencyTreeEntry) });

export const newAgencyBody = z.object({
  code,
  name,
  shortName: shortName.default(''),
  parent: parent.default(null),
  kind: agencyKind.default('department'),
  level: agencyLevel.default(''),
});

/** One change a request makes: a rename, a move, or a retirement (true) / reactivation (false). */
export const agencyChangeBody = z
  .object({
    name: name.optional(),
    shortName: shortName.optional(),
    parent: parent.optional(),
    retired: z.boolean({ error: 'retired 应为 true（撤销）或 false（恢复）' }).optional(),
  })
  .refine(
    (b) =>
      [
        b.name !== undefined || b.shortName !== undefined,
        b.parent !== undefined,
        b.retired !== undefined,
      ].filter(Boolean).length === 1,
    { error: '请只做一项修改：改名称（name、shortName）、调整上级机关（parent）或撤销/恢复（retired）' },
  );

/** The answer of a change: the agency as it now stands. */
export const agencyChangeResult = z.object({ agency: agencyTreeEntry });

/** A tree file: JSON Lines, one agency a line (docs/agencies.md). */
export const agencyTreeImportBody = z.object({
  content: z
    .string({ error: '请上传机关树文件（JSON Lines 文本）' })
    .min(1, { error: '文件是空的：每行写一个机关' })
    .max(5_000_000, { error: '文件超过 5 MB，请分批导入' })
    .describe('the JSON Lines text'),
});

export const agencyTreeImportResult = z.object({
  created: z.number().int(),
  changed: z.number().int(),
});

export type AgencyTreeEntry = z.infer<typeof agencyTreeEntry>;
export type NewAgency = z.infer<typeof newAgencyBody>;
export type AgencyChange = z.infer<typeof agencyChangeBody>;
