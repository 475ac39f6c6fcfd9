/**
 * Request validation failures (zod issues, as fastify-type-provider-zod hands them to Fastify) as
 * one Chinese message per field. Our schemas carry Chinese messages; zod's English defaults are
 * translated with its zh-CN locale.
 */
import type { FastifySchemaValidationError } from 'fastify';
import { z } from 'zod';

import type { FieldIssue } from '../errors.ts';

export type { FieldIssue };

const HAN = /\p{Script=Han}/u;
const zhCN = z.locales.zhCN().localeError;

/** The field an issue is about: its path inside params/querystring/body, or the part itself. */
function fieldOf(issue: FastifySchemaValidationError, context: string | undefined): string {
  const path = issue.instancePath.split('/').filter(Boolean).join('.');
  return path || context || 'request';
}

type ZodRawIssue = Parameters<typeof zhCN>[0];
type IssueFields = { code: string; path: PropertyKey[] } & Record<string, unknown>;

/** zod's issue codes, each of which zh-CN words. */
const ZOD_ISSUE_CODES: ReadonlySet<string> = new Set<ZodRawIssue['code']>([
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
]);

/**
 * Whether the fields are a zod issue: fastify-type-provider-zod hands each issue over as its
 * keyword (the zod code) and `params` (the rest of the issue), so a known code makes one again.
 */
function isZodIssue(fields: IssueFields): fields is IssueFields & ZodRawIssue {
  return ZOD_ISSUE_CODES.has(fields.code);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: '应为数字',
  int: '应为整数',
  string: '应为文字',
  boolean: '应为“是”或“否”',
  array: '应为一组值',
  object: '格式不正确',
  date: '应为日期',
};

/**
 * Our own words for zod's commonest defaults, which zh-CN says in a programmer's terms (“期望
 * number <=10000”, “无效选项：期望以下之一 "a"|"b"”): the limit in plain words, no type names.
 */
function plainMessage(keyword: string, params: Record<string, unknown>): string | null {
  const origin = String(params.origin ?? '');
  const inclusive = params.inclusive !== false;
  if (keyword === 'too_big') {
    const max = String(params.maximum);
    if (origin === 'string') return `最长 ${max} 个字`;
    if (origin === 'array' || origin === 'set') return `最多 ${max} 项`;
    return inclusive ? `应不大于 ${max}` : `应小于 ${max}`;
  }
  if (keyword === 'too_small') {
    const min = String(params.minimum);
    if (origin === 'string') return min === '1' ? '不能为空' : `至少 ${min} 个字`;
    if (origin === 'array' || origin === 'set') return `至少 ${min} 项`;
    return inclusive ? `应不小于 ${min}` : `应大于 ${min}`;
  }
  if (keyword === 'invalid_value') return '不是可选的值之一，请从列表中选择';
  if (keyword === 'invalid_union') return '格式不正确，请按说明填写';
  if (keyword === 'invalid_type') return TYPE_WORDS[String(params.expected)] ?? null;
  if (keyword === 'not_multiple_of') return `应为 ${String(params.divisor)} 的整数倍`;
  return null;
}

/** A Chinese message for one issue: the schema's own when it is Chinese, else ours, else zod's zh-CN text. */
function chineseMessage(issue: FastifySchemaValidationError): string {
  if (issue.message && HAN.test(issue.message)) return issue.message;
  const params: Record<string, unknown> = issue.params;
  // Without the input, zh-CN would say “实际接收 undefined” about a value that was present.
  if (issue.keyword === 'invalid_type' && !('input' in params)) return '缺少该项或类型不正确';
  const plain = plainMessage(issue.keyword, params);
  if (plain) return plain;
  const fields: IssueFields = { ...params, code: issue.keyword, path: [] };
  if (!isZodIssue(fields)) return '格式不正确';
  try {
    const translated = zhCN(fields);
    const text = typeof translated === 'string' ? translated : translated?.message;
    if (text) return text;
  } catch {
    // fall through to the generic message
  }
  return '格式不正确';
}

/** The first issue of each field, as `{ field, message }`, in the order zod reported them. */
export function validationDetails(
  issues: readonly FastifySchemaValidationError[],
  context: string | undefined,
): FieldIssue[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = fieldOf(issue, context);
    if (!byField.has(field)) byField.set(field, chineseMessage(issue));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/**
 * The Chinese names of the fields that recur across routes (path parameters, queries, the case and
 * item bodies). A message for another field names it in Chinese itself (our schemas' messages do:
 * “请填写征求意见对象”), so no English field name ever reaches the sentence people read; the
 * `details` keep the path for programs.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  code: '机关代码',
  id: '编号',
  year: '年份',
  format: '格式',
  version: '版本号',
  expectedVersion: '版本号',
  occurredOn: '办理日期',
  payload: '办理内容',
  applicantType: '申请人类型',
  applicant: '申请人',
  channel: '收到方式',
  receivedOn: '收到日期',
  q: '检索词',
  limit: '每页条数',
  offset: '起始位置',
  page: '页码',
  from: '起始日期',
  to: '截止日期',
  days: '工作日数',
  filter: '筛选条件',
  template: '模板',
  username: '用户名',
  date: '日期',
  publishedOn: '发布日期',
  withdrawnOn: '撤回日期',
  actor: '操作人',
  cursor: '翻页位置',
  segments: '段落内容',
  topic: '段落主题',
  password: '密码',
  body: '请求内容',
  params: '路径参数',
  querystring: '查询参数',
  headers: '请求头',
};

/** The Chinese name of a field path (`payload.kind` → the last named part's), or null. */
function labelOf(field: string): string | null {
  const named = field.split('.').filter((part) => !/^\d+$/.test(part));
  return FIELD_LABELS[named[named.length - 1] ?? ''] ?? null;
}

/**
 * “年度：应为四位数字；请填写征求意见对象” — every problem in one sentence, each field named in
 * Chinese: by its label when the message does not already name it.
 */
export function summarizeIssues(details: readonly FieldIssue[]): string {
  return details
    .map((d) => {
      const label = labelOf(d.field);
      return label && !d.message.includes(label) ? `${label}：${d.message}` : d.message;
    })
    .join('；');
}
