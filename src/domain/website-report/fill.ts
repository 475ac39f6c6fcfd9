/**
 * Fills the 政府网站工作年度报表's rows (rows.ts) for a year from the platform's data, merges the
 * 机关管理员's manual values, checks what they write, and names the required rows still empty
 * (docs/website-report.md). Pure: the facts are read elsewhere (db/queries/website-report.ts).
 */
import type { ColumnClass } from '../inspection/column-classes.ts';
import { type NewMediaPlatform, PLATFORM_LABELS } from '../new-media/accounts.ts';
import {
  MAX_COUNT,
  MAX_TEXT,
  ROW_BY_CODE,
  rowName,
  WEBSITE_REPORT_ROWS,
  type WebsiteReportRow,
} from './rows.ts';

export type RowValue = string | number | null;

/** What the platform knows of an agency's year. */
export interface WebsiteReportFacts {
  year: number;
  agency: { name: string; websiteName: string; website: string };
  /** items published in the year, by 第二十条 category and sub-column */
  itemsByPlace: ReadonlyArray<{ category: string; columnCode: string | null; count: number }>;
  /** the class of each column (as the inspection sees it): `category:a20.1`, `column:jyzx` → class */
  columnClasses: ReadonlyMap<string, ColumnClass>;
  /** the agency's sub-columns: items published in the year and the day of its first item ever */
  subColumns: ReadonlyArray<{ code: string; itemsInYear: number; firstPublishedOn: string | null }>;
  /** 解读 items published in the year */
  interpretations: number;
  /** 政府信息公开申请 received in the year */
  requests: number;
  /** 政务新媒体 accounts operating at some time in the year, with their postings of the year */
  accounts: ReadonlyArray<{ platform: NewMediaPlatform; name: string; postings: number }>;
}

export interface FilledRow extends WebsiteReportRow {
  value: RowValue;
  /** required for this agency (a 微博 row only when it has a 微博 account) */
  needed: boolean;
}

const STATUTORY = /^a20\.(\d|1[0-5])$/;

function sum(rows: ReadonlyArray<{ count: number }>): number {
  return rows.reduce((acc, r) => acc + r.count, 0);
}

/** The computed values of the year. */
export function computedValues(facts: WebsiteReportFacts): Record<string, RowValue> {
  const items = facts.itemsByPlace;
  const classOf = (i: { category: string; columnCode: string | null }) =>
    (i.columnCode ? facts.columnClasses.get(`column:${i.columnCode}`) : undefined) ??
    facts.columnClasses.get(`category:${i.category}`);
  const of = (platform: NewMediaPlatform) => facts.accounts.filter((a) => a.platform === platform);
  const names = (platform: NewMediaPlatform) =>
    of(platform)
      .map((a) => a.name)
      .join('、') || null;
  const posts = (platform: NewMediaPlatform) =>
    of(platform).length === 0 ? null : sum(of(platform).map((a) => ({ count: a.postings })));
  const others = facts.accounts
    .filter((a) => a.platform !== 'weibo' && a.platform !== 'wechat')
    .map((a) => `${PLATFORM_LABELS[a.platform]}“${a.name}”（发布${a.postings}条）`);
  return {
    'site.name': facts.agency.websiteName || null,
    'site.url': facts.agency.website || null,
    'site.host': facts.agency.name,
    'publish.total': sum(items),
    'publish.overview': sum(items.filter((i) => i.category === 'a20.2')),
    'publish.news': sum(items.filter((i) => classOf(i) === 'news')),
    'publish.catalogue': sum(items.filter((i) => STATUTORY.test(i.category))),
    'columns.maintained': facts.subColumns.filter((c) => c.itemsInYear > 0).length,
    'columns.opened': facts.subColumns.filter((c) => c.firstPublishedOn?.startsWith(`${facts.year}-`)).length,
    'interpretation.materials': facts.interpretations,
    'interaction.requests': facts.requests,
    'media.has': facts.accounts.length > 0 ? '是' : '否',
    'media.weibo.name': names('weibo'),
    'media.weibo.posts': posts('weibo'),
    'media.wechat.name': names('wechat'),
    'media.wechat.posts': posts('wechat'),
    'media.other': others.join('；') || null,
  };
}

/** Every row with its value: computed from the facts, or the manual value stored (null: not filled). */
export function fillRows(facts: WebsiteReportFacts, manual: Readonly<Record<string, RowValue>>): FilledRow[] {
  const computed = computedValues(facts);
  const platforms = new Set(facts.accounts.map((a) => a.platform));
  const rows = WEBSITE_REPORT_ROWS.map((row) => ({
    ...row,
    value: row.source === 'computed' ? (computed[row.code] ?? null) : (manual[row.code] ?? null),
    needed: row.required === true || (typeof row.required === 'string' && platforms.has(row.required)),
  }));
  // 解读信息发布 总数: the sum of its three rows, once the manual two are filled
  const total = rows.find((r) => r.code === 'interpretation.total');
  const parts = ['interpretation.materials', 'interpretation.products', 'interpretation.media'].map(
    (code) => rows.find((r) => r.code === code)?.value,
  );
  if (total)
    total.value = parts.every((v) => typeof v === 'number')
      ? parts.reduce<number>((a, v) => a + Number(v), 0)
      : null;
  return rows;
}

/** The needed rows still empty, by their names (the export's refusal names them). */
export function missingRows(rows: readonly FilledRow[]): FilledRow[] {
  return rows.filter((r) => r.needed && (r.value === null || r.value === ''));
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The manual values of a PUT checked and normalized (a count a whole number, a text trimmed and at
 * most MAX_TEXT characters; '' or null clears the row), or the problems naming each row in Chinese.
 */
export function checkManualValues(input: Readonly<Record<string, unknown>>): {
  values: Record<string, RowValue>;
  problems: FieldProblem[];
} {
  const values: Record<string, RowValue> = {};
  const problems: FieldProblem[] = [];
  for (const [code, raw] of Object.entries(input)) {
    const row = ROW_BY_CODE.get(code);
    if (!row) {
      problems.push({ field: code, message: `没有代码为“${code}”的报表项` });
      continue;
    }
    const name = `“${rowName(row)}”`;
    if (row.source === 'computed') {
      problems.push({ field: code, message: `${name}由平台按本年数据计算，不能填写` });
      continue;
    }
    if (raw === null || raw === '') {
      values[code] = null;
      continue;
    }
    if (row.kind === 'count') {
      const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_COUNT)
        problems.push({ field: code, message: `${name}应为不小于 0 的整数（单位：${row.unit}）` });
      else values[code] = n;
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push({ field: code, message: `${name}应为文字` });
      continue;
    }
    const text = raw.trim();
    if (text.length > MAX_TEXT)
      problems.push({ field: code, message: `${name}最多 ${MAX_TEXT} 字，现为 ${text.length} 字` });
    else values[code] = text === '' ? null : text;
  }
  return { values, problems };
}
