/**
 * 备注说明 of the catalogue's columns (issue 13): a column with nothing in it shows its note (why it
 * is empty, e.g. “本机关无行政收费事项”); an empty column without a note shows “暂无信息” to the public
 * and is listed in the console, since an inspection counts a blank column without a note as a defect.
 */
import {
  STATUTORY_CATEGORIES,
  STATUTORY_CATEGORY_LABELS,
  type StatutoryCategory,
} from '../items/categories.ts';

/** A 第二十条 category, or one of the agency's own sub-columns (公开制度 being `gkzd`). */
export const COLUMN_SCOPES = ['category', 'column'] as const;
export type ColumnScope = (typeof COLUMN_SCOPES)[number];

/** The agency sub-column whose items are the agency's own 政府信息公开制度. */
export const RULES_COLUMN = 'gkzd';
export const RULES_COLUMN_NAME = '政府信息公开制度';

/** The text the public sees in an empty column that has no note. */
export const EMPTY_COLUMN_TEXT = '暂无信息';

export interface CatalogueColumn {
  scope: ColumnScope;
  code: string;
  /** the column's name (a category's label, a sub-column's name) */
  name: string;
  /** published items in it */
  count: number;
  /** its 备注说明, '' when none */
  note: string;
}

/** The key of a column's note: `category:a20.8`, `column:gkzd`. */
export const columnKey = (scope: ColumnScope, code: string) => `${scope}:${code}`;

/**
 * Every column of an agency's catalogue with its count and note: the fifteen categories and 其他,
 * each sub-column, and 公开制度 (the `gkzd` column, whether or not the agency set it up).
 */
export function catalogueColumns(
  counts: {
    categories: ReadonlyMap<string, number>;
    columns: ReadonlyMap<string, number>;
  },
  subColumns: ReadonlyArray<{ code: string; name: string }>,
  notes: ReadonlyMap<string, string>,
): CatalogueColumn[] {
  const categories = STATUTORY_CATEGORIES.map((code: StatutoryCategory) => ({
    scope: 'category' as const,
    code,
    name: STATUTORY_CATEGORY_LABELS[code],
    count: counts.categories.get(code) ?? 0,
    note: notes.get(columnKey('category', code)) ?? '',
  }));
  const own = subColumns.some((c) => c.code === RULES_COLUMN)
    ? subColumns
    : [...subColumns, { code: RULES_COLUMN, name: RULES_COLUMN_NAME }];
  const columns = own.map((c) => ({
    scope: 'column' as const,
    code: c.code,
    name: c.name,
    count: counts.columns.get(c.code) ?? 0,
    note: notes.get(columnKey('column', c.code)) ?? '',
  }));
  return [...categories, ...columns];
}

/** The columns a reader would find blank: nothing published and no note (the console's list). */
export function blankColumns(columns: readonly CatalogueColumn[]): CatalogueColumn[] {
  return columns.filter((c) => c.count === 0 && c.note.trim() === '');
}

/** What an empty column says to the public: its note, else 暂无信息. */
export function emptyColumnText(note: string | undefined): string {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? EMPTY_COLUMN_TEXT : trimmed;
}
