/**
 * The three tables of the annual report (二, 三, 四) as renderer-neutral grids: HTML, DOCX and
 * any other renderer lay them out from this one model, merges included.
 */
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  NORMATIVE_KIND_LABELS,
  NORMATIVE_KINDS,
  OUTCOME_LABELS,
  OUTCOMES,
  type Outcome,
  outcomeGroup,
  T2_NORMATIVE_COLUMNS,
  T3_COLUMNS,
  T3_NOTE,
  T3_ROW_LABELS,
  T4_COLUMN_LABELS,
  T4_COLUMNS,
  T4_GROUP_LABELS,
  T4_GROUPS,
} from '../domain/report/codes.ts';
import type { Cells } from '../domain/report/types.ts';

/** One cell of a table; positions covered by an earlier rowSpan/colSpan are omitted (HTML semantics). */
export interface GridCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  header?: boolean;
  code?: string;
  align?: 'left' | 'center';
}

/** A table: relative column weights and the cells that start in each row. */
export interface TableModel {
  id: 't2' | 't3' | 't4';
  columnWidths: number[];
  rows: GridCell[][];
}

/** The printed text of a cell value: whole numbers as is, the decimal 万元 string as stored. */
export function cellText(cells: Cells, code: string): string {
  const value = cells[code];
  if (value === undefined) return '';
  return String(value);
}

function head(text: string, span: { rowSpan?: number; colSpan?: number } = {}): GridCell {
  return { text, header: true, align: 'center', ...span };
}

function label(text: string, span: { rowSpan?: number; colSpan?: number } = {}): GridCell {
  return { text, header: true, align: 'left', ...span };
}

function data(cells: Cells, code: string, colSpan?: number): GridCell {
  const cell: GridCell = { text: cellText(cells, code), code, align: 'center' };
  if (colSpan) cell.colSpan = colSpan;
  return cell;
}

/** 表二 主动公开政府信息情况: four blocks of 第二十条, each opened by a title row. */
function buildT2(cells: Cells): TableModel {
  const width = 4;
  const block = (title: string): GridCell[] => [head(title, { colSpan: width })];
  const single = (column: string, rows: Array<[string, string]>): GridCell[][] => [
    [head('信息内容'), head(column, { colSpan: 3 })],
    ...rows.map(([text, code]) => [label(text), data(cells, code, 3)]),
  ];
  return {
    id: 't2',
    columnWidths: [4, 3, 3, 3],
    rows: [
      block('第二十条第（一）项'),
      [head('信息内容'), head('本年制发件数'), head('本年废止件数'), head('现行有效件数')],
      ...NORMATIVE_KINDS.map((kind) => [
        label(NORMATIVE_KIND_LABELS[kind]),
        ...T2_NORMATIVE_COLUMNS.map((column) => data(cells, `t2.${kind}.${column}`)),
      ]),
      block('第二十条第（五）项'),
      ...single('本年处理决定数量', [['行政许可', 't2.license.decisions']]),
      block('第二十条第（六）项'),
      ...single('本年处理决定数量', [
        ['行政处罚', 't2.penalty.decisions'],
        ['行政强制', 't2.enforcement.decisions'],
      ]),
      block('第二十条第（八）项'),
      ...single('本年收费金额（单位：万元）', [['行政事业性收费', 't2.fees.amount_wan']]),
    ],
  };
}

const T3_GROUP_HEADINGS: Record<string, string> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

/** 表三 收到和处理政府信息公开申请情况: three label columns, then the seven applicant columns. */
function buildT3(cells: Cells): TableModel {
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
  const groupSize = (outcome: Outcome): number =>
    OUTCOMES.filter((o) => outcomeGroup(o) === outcomeGroup(outcome)).length;
  OUTCOMES.forEach((outcome, index) => {
    const row: GridCell[] = [];
    if (index === 0) row.push(label('三、本年度办理结果', { rowSpan: OUTCOMES.length + 1 }));
    const heading = T3_GROUP_HEADINGS[outcomeGroup(outcome)];
    if (!heading) {
      row.push(label(OUTCOME_LABELS[outcome], { colSpan: 2 }));
    } else {
      const first = OUTCOMES.find((o) => outcomeGroup(o) === outcomeGroup(outcome));
      if (first === outcome) row.push(label(heading, { rowSpan: groupSize(outcome) }));
      row.push(label(OUTCOME_LABELS[outcome]));
    }
    rows.push([...row, ...values(outcome)]);
  });
  rows.push([label(T3_ROW_LABELS.total, { colSpan: 2 }), ...values('total')]);
  rows.push([label(T3_ROW_LABELS.carried_out, { colSpan: 3 }), ...values('carried_out')]);
  return { id: 't3', columnWidths: [1.6, 2.4, 7.4, ...T3_COLUMNS.map(() => 2.4)], rows };
}

/** 表四 政府信息公开行政复议、行政诉讼情况: 行政复议 (5 columns), 行政诉讼 (2 × 5), one data row. */
function buildT4(cells: Cells): TableModel {
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

/** The three tables of the report laid out as in the national format, header merges included. */
export function buildTables(cells: Cells): TableModel[] {
  return [buildT2(cells), buildT3(cells), buildT4(cells)];
}
