/**
 * What the 2019 and 2021 formats share: table 三's frame (applicant columns, 一/二/（七）/四 rows, the
 * grouping of 三、本年度办理结果), table 四, and the cells of both computed from the year's facts.
 */
import { zeroColumns } from '../cells.ts';
import type { OutcomeRow } from '../format.ts';
import { data, type GridCell, head, label, type TableModel } from '../table-model.ts';
import type { Cells, YearFacts } from '../types.ts';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  OUTCOME_GROUP_LABELS,
  type OutcomeGroup,
  T3_COLUMNS,
  T4_COLUMN_LABELS,
  T4_COLUMNS,
  T4_GROUP_LABELS,
  T4_GROUPS,
} from '../vocabulary.ts';

export const T3_ROW_LABELS: Record<'new' | 'carried_in' | 'total' | 'carried_out', string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  total: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};

export const T3_NOTE = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和';

const GROUP_NUMBERS: Record<OutcomeGroup, string> = {
  granted: '（一）',
  partial: '（二）',
  denied: '（三）',
  unable: '（四）',
  not_processed: '（五）',
  other: '（六）',
};

/** A group heading of 三、本年度办理结果 (“（三）不予公开”). */
export function groupHeading(group: OutcomeGroup): string {
  return `${GROUP_NUMBERS[group]}${OUTCOME_GROUP_LABELS[group]}`;
}

/** Every row of table 三 for a format's outcome rows. */
export function t3RowsOf(outcomeRows: readonly OutcomeRow[]): string[] {
  return ['new', 'carried_in', ...outcomeRows.map((r) => r.code), 'total', 'carried_out'];
}

/** The cell codes of table 三 and table 四 for a format's outcome rows. */
export function t3t4CellCodes(outcomeRows: readonly OutcomeRow[]): string[] {
  return [
    ...t3RowsOf(outcomeRows).flatMap((r) => T3_COLUMNS.map((c) => `t3.${r}.${c}`)),
    ...T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g}.${c}`)),
  ];
}

type PerColumn = Record<ApplicantType, number>;

function putRow(cells: Cells, row: string, values: Partial<PerColumn>): void {
  let total = 0;
  for (const column of APPLICANT_TYPES) {
    const value = values[column] ?? 0;
    cells[`t3.${row}.${column}`] = value;
    total += value;
  }
  cells[`t3.${row}.total`] = total;
}

/**
 * The cells of tables 三 and 四. Year attribution (done by whoever builds the facts): 本年新收 by
 * received date, 办理结果 by decided date, 上年结转 = received before the year and undecided at its
 * start, 结转下年度 = undecided at year end; so R1 holds by construction. Each outcome row sums the
 * outcomes it counts; 总计 columns and rows are sums, so R3 and R4 hold too.
 */
export function putRequestAndReviewCells(
  cells: Cells,
  facts: YearFacts,
  outcomeRows: readonly OutcomeRow[],
): void {
  const { requests } = facts;
  putRow(cells, 'new', requests.received);
  putRow(cells, 'carried_in', requests.carriedIn);
  const decidedTotal = zeroColumns();
  for (const row of outcomeRows) {
    const values = zeroColumns();
    for (const outcome of row.outcomes) {
      const decided = requests.decided[outcome] ?? {};
      for (const column of APPLICANT_TYPES) values[column] += decided[column] ?? 0;
    }
    putRow(cells, row.code, values);
    for (const column of APPLICANT_TYPES) decidedTotal[column] += values[column];
  }
  putRow(cells, 'total', decidedTotal);
  putRow(cells, 'carried_out', requests.carriedOut);

  for (const group of T4_GROUPS) {
    const g = facts.reviews[group];
    cells[`t4.${group}.upheld`] = g.upheld;
    cells[`t4.${group}.corrected`] = g.corrected;
    cells[`t4.${group}.other`] = g.other;
    cells[`t4.${group}.pending`] = g.pending;
    cells[`t4.${group}.total`] = g.upheld + g.corrected + g.other + g.pending;
  }
}

/**
 * 表三 收到和处理政府信息公开申请情况: three label columns, then the seven applicant columns. A group
 * of several outcome rows gets its heading (“（三）不予公开”) beside them; a group of one row is
 * printed across both label columns.
 */
export function buildT3(cells: Cells, outcomeRows: readonly OutcomeRow[]): TableModel {
  const values = (row: string): GridCell[] => T3_COLUMNS.map((column) => data(cells, `t3.${row}.${column}`));
  const orgTypes = APPLICANT_TYPES.filter((t) => t !== 'natural_person');
  const rows: GridCell[][] = [
    [head(`（${T3_NOTE}）`, { rowSpan: 3, colSpan: 3 }), head('申请人情况', { colSpan: 7 })],
    [
      head(APPLICANT_TYPE_LABELS.natural_person, { rowSpan: 2 }),
      head('法人或其他组织', { colSpan: orgTypes.length }),
      head('总计', { rowSpan: 2 }),
    ],
    orgTypes.map((t) => head(APPLICANT_TYPE_LABELS[t])),
    [label(T3_ROW_LABELS.new, { colSpan: 3 }), ...values('new')],
    [label(T3_ROW_LABELS.carried_in, { colSpan: 3 }), ...values('carried_in')],
  ];
  const inGroup = (row: OutcomeRow) => outcomeRows.filter((r) => r.group === row.group);
  outcomeRows.forEach((outcomeRow, index) => {
    const row: GridCell[] = [];
    if (index === 0) row.push(label('三、本年度办理结果', { rowSpan: outcomeRows.length + 1 }));
    const group = inGroup(outcomeRow);
    if (group.length === 1) {
      row.push(label(outcomeRow.label, { colSpan: 2 }));
    } else {
      if (group[0] === outcomeRow) row.push(label(groupHeading(outcomeRow.group), { rowSpan: group.length }));
      row.push(label(outcomeRow.label));
    }
    rows.push([...row, ...values(outcomeRow.code)]);
  });
  rows.push([label(T3_ROW_LABELS.total, { colSpan: 2 }), ...values('total')]);
  rows.push([label(T3_ROW_LABELS.carried_out, { colSpan: 3 }), ...values('carried_out')]);
  return { id: 't3', columnWidths: [1.6, 2.4, 7.4, ...T3_COLUMNS.map(() => 2.4)], rows };
}

/** 表四 政府信息公开行政复议、行政诉讼情况: 行政复议 (5 columns), 行政诉讼 (2 × 5), one data row. */
export function buildT4(cells: Cells): TableModel {
  const columnHeads = (span?: { rowSpan: number }): GridCell[] =>
    T4_COLUMNS.map((column) => head(T4_COLUMN_LABELS[column], span));
  return {
    id: 't4',
    columnWidths: Array.from({ length: 15 }, () => 1),
    rows: [
      [head(T4_GROUP_LABELS.review, { colSpan: 5 }), head('行政诉讼', { colSpan: 10 })],
      [
        ...columnHeads({ rowSpan: 2 }),
        head(T4_GROUP_LABELS.suit_direct, { colSpan: 5 }),
        head(T4_GROUP_LABELS.suit_after_review, { colSpan: 5 }),
      ],
      [...columnHeads(), ...columnHeads()],
      T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => data(cells, `t4.${group}.${column}`))),
    ],
  };
}
