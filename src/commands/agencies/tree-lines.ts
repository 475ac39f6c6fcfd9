/**
 * One line of an agency tree file (JSON Lines; docs/agencies.md): an object with code, name and
 * optionally shortName, parent, kind, level and the agency's contact fields. A field it does not
 * know is refused by name (a typo must not pass silently); every message names the field.
 */
import { z } from 'zod';
import { AGENCY_LEVELS } from '../../domain/agencies/tree.ts';
import { AGENCY_KINDS } from '../../domain/report/vocabulary.ts';

const text = (field: string, max: number) =>
  z
    .string({ error: `字段 ${field} 缺失或不是文本` })
    .trim()
    .min(1, { error: `字段 ${field} 不能为空` })
    .max(max, { error: `字段 ${field} 超过 ${max} 个字符` });

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `字段 ${field} 应为文本` })
    .trim()
    .max(max, { error: `字段 ${field} 超过 ${max} 个字符` })
    .optional();

const SHAPE = {
  code: text('code', 64),
  name: text('name', 200),
  shortName: optionalText('shortName', 100),
  parent: z
    .string({ error: '字段 parent 应为上级机关的代码（文本），最上层的机关省略或写 null' })
    .trim()
    .min(1, { error: '字段 parent 不能为空文本：最上层的机关请省略或写 null' })
    .nullable()
    .optional(),
  kind: z.enum(AGENCY_KINDS, { error: `字段 kind 应为以下之一：${AGENCY_KINDS.join('、')}` }).optional(),
  level: z
    .enum(['', ...AGENCY_LEVELS], { error: `字段 level 应为以下之一：${AGENCY_LEVELS.join('、')}（或省略）` })
    .optional(),
  address: optionalText('address', 500),
  postcode: optionalText('postcode', 16),
  phone: optionalText('phone', 64),
  website: optionalText('website', 500),
  office: optionalText('office', 500),
};

export const treeLineSchema = z.strictObject(SHAPE, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `未知字段 ${issue.keys.map((k) => `“${k}”`).join('、')}：请检查拼写（可用的字段：${Object.keys(SHAPE).join('、')}）`
      : undefined,
});

export type TreeFileLine = z.infer<typeof treeLineSchema>;

/** A line's problem: the field it is about (the first one the message names) and the message. */
export interface LineIssue {
  field: string;
  message: string;
}

/** Reads one line: the agency, or what is wrong with it. */
export function readTreeLine(
  text: string,
): { ok: true; value: TreeFileLine } | { ok: false; issues: LineIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return { ok: false, issues: [{ field: 'line', message: '不是有效的 JSON，请每行写一个 JSON 对象' }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      issues: [{ field: 'line', message: '应为一个 JSON 对象，如 {"code":"…","name":"…"}' }],
    };
  const parsed = treeLineSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      field:
        i.path.length > 0 ? i.path.join('.') : i.code === 'unrecognized_keys' ? i.keys.join('、') : 'line',
      message: i.message,
    })),
  };
}
