/**
 * The class of a site column (栏目类别) and the period it must be updated within, as 国办秘函〔2019〕19号
 * 《政府网站与政务新媒体检查指标》 counts them (docs/inspection.md quotes the text found): 动态、要闻类
 * within 2 weeks, 通知公告、政策文件类 within 6 months; any other column only when the agency sets an
 * expected frequency for it (应更新的栏目, e.g. 人事任免: 应更未更 when it lapses).
 */

export const COLUMN_CLASSES = ['news', 'notice', 'policy', 'other'] as const;
export type ColumnClass = (typeof COLUMN_CLASSES)[number];

export const COLUMN_CLASS_LABELS: Record<ColumnClass, string> = {
  news: '动态要闻类',
  notice: '通知公告类',
  policy: '政策文件类',
  other: '其他',
};

/** A period of updates: calendar days, or calendar months (“6个月” counted by the calendar, not as 180 days). */
export type UpdatePeriod = { days: number } | { months: number };

/** The period the rule sets for a class; `other` has none (its frequency is the agency's setting). */
export const CLASS_PERIODS: Record<ColumnClass, UpdatePeriod | null> = {
  news: { days: 14 },
  notice: { months: 6 },
  policy: { months: 6 },
  other: null,
};

/** A period in Chinese: 14天, 6个月. */
export function periodLabel(period: UpdatePeriod): string {
  return 'days' in period ? `${period.days}天` : `${period.months}个月`;
}

/** The longest expected frequency an agency may set for an `other` column (a year and a half). */
export const MAX_FREQUENCY_DAYS = 548;

/** A column's class setting; `frequencyDays` only for `other` (null: no rule). */
export interface ColumnClassSetting {
  columnClass: ColumnClass;
  frequencyDays: number | null;
}

/**
 * The class a column has before the agency sets one: 第二十条第（一）项 (行政法规、规章和规范性文件) is a
 * 政策文件类 column; every other column is `other`, without a rule, until the agency classes it.
 */
export function defaultColumnClass(scope: 'category' | 'column', code: string): ColumnClassSetting {
  if (scope === 'category' && code === 'a20.1') return { columnClass: 'policy', frequencyDays: null };
  return { columnClass: 'other', frequencyDays: null };
}

export function isColumnClass(value: string): value is ColumnClass {
  return (COLUMN_CLASSES as readonly string[]).includes(value);
}
