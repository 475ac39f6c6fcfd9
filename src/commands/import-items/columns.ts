/**
 * The columns of an item import (docs/items-import.md): one row = one published item. A header
 * may use the English key or the Chinese name; messages name the column as the file wrote it.
 * Pure.
 */

export const ITEM_COLUMNS = {
  ref: ['ref', '编号'],
  agency: ['agency', '机关代码'],
  title: ['title', '标题'],
  body: ['body', 'bodyHtml', '正文'],
  category: ['category', '类别', '法定类别'],
  column: ['column', 'columnCode', '栏目'],
  issuer: ['issuer', '发文机关'],
  docNumber: ['docNumber', 'doc_number', '文号'],
  formedOn: ['formedOn', 'formed_on', 'formed', '成文日期'],
  publishedOn: ['publishedOn', 'published_on', 'published', '发布日期'],
  validity: ['validity', '有效性'],
  subject: ['subject', '主题分类'],
  policy: ['isPolicyDocument', 'policy_document', 'policy', '政策文件'],
  interpretation: ['isInterpretation', 'interpretation', '解读材料'],
  interprets: ['interprets', '解读对象'],
  meeting: ['isMeeting', 'meeting', '会议'],
  onlineInterview: ['isOnlineInterview', 'online_interview', '在线访谈'],
  postings: ['postings', '其他渠道'],
} as const satisfies Record<string, readonly string[]>;

export type ColumnKey = keyof typeof ITEM_COLUMNS;

/** Columns every file must have (the rest default: empty text, 有效, 否). */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['title', 'category', 'formedOn', 'publishedOn'];

const BY_NAME = new Map<string, ColumnKey>(
  (Object.entries(ITEM_COLUMNS) as Array<[ColumnKey, readonly string[]]>).flatMap(([key, names]) =>
    names.map((name) => [normalize(name), key] as [string, ColumnKey]),
  ),
);

function normalize(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/[*＊]$/, '')
    .toLowerCase();
}

/** The key of a column name (English key or Chinese name, any case, a trailing * allowed), or null. */
export function columnKeyOf(name: string): ColumnKey | null {
  return BY_NAME.get(normalize(name)) ?? null;
}

/** A column's Chinese name (the last of its names), e.g. 发布日期. */
export function chineseName(key: ColumnKey): string {
  const names: readonly string[] = ITEM_COLUMNS[key];
  return names[names.length - 1] ?? key;
}

/** A row's values by key, with the name each column had in the file (for messages). */
export interface KeyedRow {
  values: Partial<Record<ColumnKey, unknown>>;
  labels: Partial<Record<ColumnKey, string>>;
}

/** The header row of a CSV or XLSX file: each cell's key, and the problems (unknown, repeated, missing). */
export function readHeader(names: readonly string[]): { keys: Array<ColumnKey | null>; problems: string[] } {
  const problems: string[] = [];
  const seen = new Map<ColumnKey, string>();
  const keys = names.map((raw) => {
    const name = String(raw ?? '').trim();
    if (name === '') return null;
    const key = columnKeyOf(name);
    if (!key) {
      problems.push(
        `未知的列“${name}”，可用的列见 docs/items-import.md（如 标题、类别、成文日期、发布日期）`,
      );
      return null;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`列“${name}”与列“${earlier}”重复`);
    seen.set(key, name);
    return key;
  });
  for (const key of REQUIRED_COLUMNS) {
    if (!seen.has(key)) problems.push(`缺少必填的列“${chineseName(key)}”（或 ${ITEM_COLUMNS[key][0]}）`);
  }
  return { keys, problems };
}

/** A data row of a CSV or XLSX file, keyed by its header. */
export function keyedCells(
  keys: ReadonlyArray<ColumnKey | null>,
  names: readonly string[],
  cells: readonly unknown[],
): KeyedRow {
  const row: KeyedRow = { values: {}, labels: {} };
  keys.forEach((key, i) => {
    if (!key) return;
    row.values[key] = cells[i];
    row.labels[key] = String(names[i]).trim();
  });
  return row;
}

/** A JSON Lines object, keyed; unknown fields are problems. */
export function keyedObject(object: Record<string, unknown>): { row: KeyedRow; problems: string[] } {
  const row: KeyedRow = { values: {}, labels: {} };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(object)) {
    const key = columnKeyOf(name);
    if (!key) problems.push(`未知的字段“${name}”`);
    else {
      row.values[key] = value;
      row.labels[key] = name;
    }
  }
  return { row, problems };
}
