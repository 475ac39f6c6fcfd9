/**
 * Cell values of an item import as the domain wants them: text, dates, yes/no, 有效性, 类别, the
 * postings on other channels. Cells come as CSV text, XLSX values (text, numbers, booleans, dates)
 * or JSON values. Pure; a problem is a Chinese phrase completed by the caller with the column.
 */
import { isIsoDate } from '../../domain/dates.ts';
import {
  ITEM_VALIDITIES,
  type ItemValidity,
  isStatutoryCategory,
  STATUTORY_CATEGORIES,
  STATUTORY_CATEGORY_LABELS,
  type StatutoryCategory,
} from '../../domain/items/categories.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Whether a cell is empty (absent, null, or blank text). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Text, trimmed; numbers as written; empty → ''. */
export function textOf(value: unknown, max: number): Parsed<string> {
  if (isBlank(value)) return ok('');
  if (typeof value === 'number') return ok(String(value));
  if (typeof value !== 'string') return bad('应为文本');
  const text = value.trim();
  return text.length > max ? bad(`超过 ${max} 个字符`) : ok(text);
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date: YYYY-MM-DD, also 2021/3/5, 2021.3.5 and 2021年3月5日 as spreadsheets write them; an XLSX
 * date cell; an Excel day number (a date cell formatted as a number).
 */
export function dateOf(value: unknown): Parsed<string> {
  if (isBlank(value)) return bad('缺失，请写成 YYYY-MM-DD 格式的日期');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return bad('不是有效日期');
    return ok(`${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`);
  }
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 200_000) {
    return dateOf(new Date(EXCEL_EPOCH + value * 86_400_000));
  }
  const text = String(value).trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  const iso = match ? `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}` : text;
  return isIsoDate(iso) ? ok(iso) : bad(`的值“${text}”不是有效日期，请写成 YYYY-MM-DD`);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

/** Yes or no: 是/否, true/false, 1/0, Y/N; empty is no. */
export function flagOf(value: unknown): Parsed<boolean> {
  if (value === undefined || value === null) return ok(false);
  if (typeof value === 'boolean') return ok(value);
  const text = String(value).trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad(`的值“${String(value)}”应为“是”或“否”`);
}

const VALIDITY_NAMES: Record<string, ItemValidity> = { 有效: 'valid', 失效: 'expired', 废止: 'repealed' };

/** 有效性: valid/expired/repealed or 有效/失效/废止; empty is 有效. */
export function validityOf(value: unknown): Parsed<ItemValidity> {
  if (isBlank(value)) return ok('valid');
  const text = String(value).trim();
  const found = VALIDITY_NAMES[text] ?? ITEM_VALIDITIES.find((v) => v === text.toLowerCase());
  return found ? ok(found) : bad(`的值“${text}”应为 有效、失效 或 废止（或 valid、expired、repealed）`);
}

/** 类别: a20.1…a20.15 or other, or the category's name (“（七）财政预算、决算信息”, or just “（七）”). */
export function categoryOf(value: unknown): Parsed<StatutoryCategory> {
  if (isBlank(value)) return bad('缺失，请写第二十条的类别代码，如 a20.1');
  const text = String(value).trim();
  const code = text.toLowerCase();
  if (isStatutoryCategory(code)) return ok(code);
  const byLabel = STATUTORY_CATEGORIES.find((c) => {
    const label = STATUTORY_CATEGORY_LABELS[c];
    return label === text || (c !== 'other' && label.startsWith(text) && /^（.+）$/.test(text));
  });
  return byLabel ? ok(byLabel) : bad(`的值“${text}”不是第二十条的类别，请写 a20.1–a20.15 或 other`);
}

/** A posting of the item on another of the agency's channels. */
export interface Posting {
  channel: string;
  link: string;
  /** defaults to the item's publication date */
  postedOn: string | null;
}

const LINK = /^https?:\/\/\S+$/;

/**
 * Postings: a JSON list of {channel, link, postedOn?}, or text with one posting per line or
 * separated by “;”, each `渠道代码 [YYYY-MM-DD] 链接` (e.g. `wechat https://mp.weixin.qq.com/s/…`).
 */
export function postingsOf(value: unknown): Parsed<Posting[]> {
  if (isBlank(value)) return ok([]);
  const entries: unknown[] = Array.isArray(value) ? value : String(value).split(/[;；\n]+/);
  const postings: Posting[] = [];
  for (const entry of entries) {
    const parsed = postingOf(entry);
    if (!parsed) continue;
    if (!parsed.ok) return parsed;
    postings.push(parsed.value);
  }
  return ok(postings);
}

function postingOf(entry: unknown): Parsed<Posting> | null {
  let channel: unknown;
  let link: unknown;
  let postedOn: unknown;
  if (typeof entry === 'string') {
    const tokens = entry.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return null;
    [channel, link, postedOn] = tokens.length === 3 ? [tokens[0], tokens[2], tokens[1]] : tokens;
    if (tokens.length > 3) return bad(`中的“${entry.trim()}”应写成“渠道代码 [日期] 链接”`);
  } else if (entry && typeof entry === 'object') {
    ({ channel, link, postedOn } = entry as Record<string, unknown>);
  } else return bad('应为发布渠道的列表');
  if (typeof channel !== 'string' || channel === '') return bad('中有一项缺少渠道代码');
  if (typeof link !== 'string' || !LINK.test(link) || link.length > 2000)
    return bad(`中渠道 ${channel} 的链接应以 http:// 或 https:// 开头`);
  if (isBlank(postedOn)) return ok({ channel, link, postedOn: null });
  const day = dateOf(postedOn);
  return day.ok ? ok({ channel, link, postedOn: day.value }) : bad(`中渠道 ${channel} 的日期${day.reason}`);
}
