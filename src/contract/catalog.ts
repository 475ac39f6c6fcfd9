/**
 * The 公开事项标准目录's contract (docs/catalog.md): an entry's body (add, edit), the import's body
 * (an XLSX file as base64 — the API takes JSON only, docs/security.md), and the answers: the
 * catalogue with each entry's rule in Chinese, its columns and today's check, the import preview.
 * Field rules across fields are domain/catalog/entry.ts's; messages name the field in Chinese.
 */
import { z } from 'zod';
import { AUDIENCES, FIELD_LIMITS, MANNERS } from '../domain/catalog/entry.ts';
import { ENTRY_CHECK_STATES } from '../domain/catalog/lapse.ts';
import { agencyCode, rowId } from './common.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `“${label}”应为文字` })
    .trim()
    .max(max, { error: `“${label}”最长 ${max} 个字，请精简` });

const expectedVersion = z
  .number({ error: '缺少版本号 expectedVersion，请刷新页面后重试' })
  .int({ error: '版本号 expectedVersion 应为整数' })
  .positive({ error: '版本号 expectedVersion 应为正整数' });

/** The fields as entered, without defaults (an edit changes only what it names). */
const entryFields = {
  seq: z.number({ error: '“序号”应为整数' }).int({ error: '“序号”应为整数' }).nullable(),
  domain: text('领域', FIELD_LIMITS.domain),
  level1: text('一级事项', FIELD_LIMITS.level1),
  level2: text('二级事项', FIELD_LIMITS.level2),
  content: text('公开内容（要素）', FIELD_LIMITS.content),
  basis: text('公开依据', FIELD_LIMITS.basis),
  deadline: text('公开时限', FIELD_LIMITS.deadline),
  subject: text('公开主体', FIELD_LIMITS.subject),
  channels: text('公开渠道和载体', FIELD_LIMITS.channels),
  audience: z
    .array(z.enum(AUDIENCES, { error: '“公开对象”应为 all（全社会）或 specific（特定群体）' }), {
      error: '“公开对象”应为列表',
    })
    .max(2, { error: '“公开对象”最多两项' }),
  manner: z
    .array(z.enum(MANNERS, { error: '“公开方式”应为 active（主动）或 on_request（依申请）' }), {
      error: '“公开方式”应为列表',
    })
    .max(2, { error: '“公开方式”最多两项' }),
  levels: z
    .array(z.string({ error: '“公开层级”应为文字' }).trim(), { error: '“公开层级”应为列表' })
    .max(10, { error: '“公开层级”最多 10 项' }),
  columns: z
    .array(z.string({ error: '“发布栏目”应为栏目代码' }), { error: '“发布栏目”应为列表' })
    .max(20, { error: '“发布栏目”最多 20 个' }),
};

/** 新增事项 (what is left out: blank, none). */
export const catalogEntryBody = z.object({
  ...entryFields,
  seq: entryFields.seq.default(null),
  domain: entryFields.domain.default(''),
  level2: entryFields.level2.default(''),
  basis: entryFields.basis.default(''),
  channels: entryFields.channels.default(''),
  audience: entryFields.audience.default([]),
  levels: entryFields.levels.default([]),
  columns: entryFields.columns.default([]),
});
export type CatalogEntryInput = z.input<typeof catalogEntryBody>;

/** 修改事项 (or only its columns: 对应栏目), at the version the editor saw. */
export const catalogEntryEditBody = z.object(entryFields).partial().extend({ expectedVersion });
export type CatalogEntryEditInput = z.input<typeof catalogEntryEditBody>;

export const catalogEntryParams = z.object({ code: agencyCode, id: rowId('事项编号') });
export const catalogDeleteQuery = z.object({
  expectedVersion: z.coerce.number().int().positive().optional(),
});

/** 导入: an XLSX file as base64; `domain` names the 领域 when the sheet does not. */
export const catalogImportBody = z.object({
  fileName: z.string({ error: '文件名应为文字' }).max(255, { error: '文件名最长 255 个字符' }).optional(),
  contentBase64: z
    .string({ error: '请提供文件内容（XLSX 文件的 base64）' })
    .min(1, { error: '请提供文件内容（XLSX 文件的 base64）' }),
  domain: text('领域', FIELD_LIMITS.domain).optional(),
});
export const catalogImportQuery = z.object({
  dryRun: z
    .enum(['0', '1', 'true', 'false'], { error: 'dryRun 应为 1（只预览）或 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

const ruleSchema = z.object({ kind: z.string() }).loose();

export const catalogEntrySchema = z.object({
  id: z.number(),
  version: z.number(),
  seq: z.number().nullable(),
  domain: z.string(),
  level1: z.string(),
  level2: z.string(),
  /** 一级事项 / 二级事项 */
  title: z.string(),
  content: z.string(),
  basis: z.string(),
  deadline: z.string(),
  rule: ruleSchema,
  /** the rule in Chinese: 每年9月底前, 无法自动检查：… */
  ruleLabel: z.string(),
  checkable: z.boolean(),
  subject: z.string(),
  channels: z.string(),
  audience: z.array(z.enum(AUDIENCES)),
  audienceLabel: z.string(),
  manner: z.array(z.enum(MANNERS)),
  mannerLabel: z.string(),
  levels: z.array(z.string()),
  columns: z.array(z.object({ key: z.string(), name: z.string() })),
  /** columns whose names share words with the entry (to confirm), when it has none */
  suggestions: z.array(z.object({ key: z.string(), name: z.string(), words: z.array(z.string()) })),
  check: z.object({
    state: z.enum(ENTRY_CHECK_STATES),
    stateLabel: z.string(),
    periodStart: z.string().nullable(),
    dueOn: z.string().nullable(),
    daysLeft: z.number().nullable(),
    lastPublishedOn: z.string().nullable(),
  }),
  updatedAt: z.string(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const catalogSchema = z.object({
  today: z.string(),
  entries: z.array(catalogEntrySchema),
  /** the columns an entry may map to */
  columns: z.array(z.object({ key: z.string(), name: z.string() })),
  domains: z.array(z.string()),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const catalogImportSchema = z.object({
  dryRun: z.boolean(),
  /** the 领域 the file replaces ('' for entries without one) */
  domains: z.array(z.string()),
  headerRow: z.number(),
  entries: z.array(
    z.object({
      row: z.number(),
      seq: z.number().nullable(),
      domain: z.string(),
      title: z.string(),
      deadline: z.string(),
      ruleLabel: z.string(),
      checkable: z.boolean(),
      audienceLabel: z.string(),
      mannerLabel: z.string(),
      levels: z.array(z.string()),
      /** columns kept from the entry it replaces (same 领域, 一级 and 二级事项) */
      columns: z.array(z.string()),
    }),
  ),
  skipped: z.array(z.object({ row: z.number(), reason: z.string() })),
  /** entries of those 领域 before the import (replaced) */
  replaced: z.number(),
  /** of them, entries whose columns carry over */
  mappingsKept: z.number(),
});
export type CatalogImport = z.infer<typeof catalogImportSchema>;
