/**
 * The rows and cells of the 2019 trial format (国办公开办函〔2019〕60号), used for the reports on 2019
 * and 2020; docs/report-formats.md has the rows and labels with their sources. A cell that means
 * what a 2021 cell means has the 2021 code; the cells only this format has get codes of their own.
 */
import type { OutcomeRow } from '../../format.ts';
import { NORMATIVE_KINDS, type NormativeKind } from '../../vocabulary.ts';
import { OUTCOME_ROWS_2021 } from '../2021/rows.ts';
import { t3RowsOf, t3t4CellCodes } from '../common.ts';

/** 三、本年度办理结果: as in 2021 but （六）其他处理 is one row, counting all three “other” outcomes. */
export const OUTCOME_ROWS_2019: readonly OutcomeRow[] = [
  ...OUTCOME_ROWS_2021.filter((row) => row.group !== 'other'),
  {
    code: 'other',
    group: 'other',
    label: '（六）其他处理',
    phrase: '其他处理',
    outcomes: ['other.no_correction', 'other.no_fee', 'other.other'],
  },
];

/**
 * Table 二 (一): 本年新制作数量 (`issued`, the 2021 本年制发件数), 本年新公开数量 (`published`),
 * 对外公开总数量 (`published_total`).
 */
export const T2_NORMATIVE_COLUMNS_2019 = ['issued', 'published', 'published_total'] as const;

/** Table 二 (一) row labels: the 2019 format says 规范性文件 where 2021 says 行政规范性文件. */
export const NORMATIVE_LABELS_2019: Record<NormativeKind, string> = {
  regulation: '规章',
  normative: '规范性文件',
};

/** Table 二 (五)(六): items with 上一年项目数量, 本年增/减, 处理决定数量 (the 2021 `decisions`). */
export const T2_ITEM_ROWS_2019 = [
  { code: 'license', label: '行政许可', block: 5 },
  { code: 'other_services', label: '其他对外管理服务事项', block: 5 },
  { code: 'penalty', label: '行政处罚', block: 6 },
  { code: 'enforcement', label: '行政强制', block: 6 },
] as const;
export type T2ItemRow2019 = (typeof T2_ITEM_ROWS_2019)[number]['code'];

/** The column heads of table 二 (五)(六)(八) by cell column (`t2.<row>.<column>`). */
export const T2_ITEM_COLUMN_LABELS_2019 = {
  items_prev: '上一年项目数量',
  items_change: '本年增/减',
  decisions: '处理决定数量',
} as const;

/** Table 二 (八): one row, 上一年项目数量 and 本年增/减 only (no amount in this format). */
export const T2_FEES_LABEL_2019 = '行政事业性收费';

/** Table 二 (九): 政府集中采购, its number of projects and total amount (printed in 元, as whole 元). */
export const T2_PROCUREMENT_LABEL_2019 = '政府集中采购';
export const T2_PROCUREMENT_COLUMN_LABELS_2019 = {
  projects: '采购项目数量',
  amount_yuan: '采购总金额（元）',
} as const;

/** 本年增/减 may be negative (“-8”): the only cells of the format that may be. */
export const SIGNED_CELLS_2019: readonly string[] = [
  ...T2_ITEM_ROWS_2019.map((r) => `t2.${r.code}.items_change`),
  't2.fees.items_change',
];

/** Table 三 rows, in order. */
export const T3_ROWS_2019 = t3RowsOf(OUTCOME_ROWS_2019);

/** Every cell code of the three tables, in the order of the format. */
export const CELL_CODES_2019: readonly string[] = [
  ...NORMATIVE_KINDS.flatMap((k) => T2_NORMATIVE_COLUMNS_2019.map((c) => `t2.${k}.${c}`)),
  ...T2_ITEM_ROWS_2019.flatMap((r) => [
    `t2.${r.code}.items_prev`,
    `t2.${r.code}.items_change`,
    `t2.${r.code}.decisions`,
  ]),
  't2.fees.items_prev',
  't2.fees.items_change',
  't2.procurement.projects',
  't2.procurement.amount_yuan',
  ...t3t4CellCodes(OUTCOME_ROWS_2019),
];
