/**
 * The 2019 trial format (国办公开办函〔2019〕60号), used for the reports on 2019 and 2020: table 二
 * with 本年新制作/新公开/对外公开总数量, (五)(六) with 上一年项目数量/本年增/减/处理决定数量, (八)
 * without an amount, (九) 政府集中采购; table 三 with （六）其他处理 as one row; table 四 as in 2021.
 */
import { figureFieldsOf, optionalFigureCells } from '../../figures.ts';
import type { ReportFormat } from '../../format.ts';
import { REPORT_SECTIONS } from '../../sections.ts';
import { data, type GridCell, head, label, type TableModel } from '../../table-model.ts';
import type { Cells, YearFacts } from '../../types.ts';
import { NORMATIVE_KINDS } from '../../vocabulary.ts';
import { buildT3, buildT4, putRequestAndReviewCells } from '../common.ts';
import {
  CELL_CODES_2019,
  NORMATIVE_LABELS_2019,
  OUTCOME_ROWS_2019,
  SIGNED_CELLS_2019,
  T2_FEES_LABEL_2019,
  T2_ITEM_COLUMN_LABELS_2019,
  T2_ITEM_ROWS_2019,
  T2_NORMATIVE_COLUMNS_2019,
  T2_PROCUREMENT_COLUMN_LABELS_2019,
  T2_PROCUREMENT_LABEL_2019,
  T3_ROWS_2019,
} from './rows.ts';

/** The figures of this format's own cells, stated or not (figures.ts). */
const OWN_FIGURES = figureFieldsOf('2019').filter((f) => !f.required);

/**
 * The recorded cells. 本年新公开数量 counts the documents issued in the year: a document enters the
 * registry with the published item that discloses it, so it is public from its issue date;
 * 对外公开总数量 counts every document issued up to the year's end, repealed or not. The format's
 * own figures (上一年项目数量, 本年增/减, 其他对外管理服务事项, 政府集中采购) fill their cells when stated.
 */
function computeCells(facts: YearFacts): Cells {
  const cells: Cells = {};
  for (const kind of NORMATIVE_KINDS) {
    const n = facts.normative[kind];
    cells[`t2.${kind}.issued`] = n.issued;
    cells[`t2.${kind}.published`] = n.issued;
    cells[`t2.${kind}.published_total`] = n.issuedToDate;
  }
  cells['t2.license.decisions'] = facts.admin?.licenseDecisions ?? 0;
  cells['t2.penalty.decisions'] = facts.admin?.penaltyDecisions ?? 0;
  cells['t2.enforcement.decisions'] = facts.admin?.enforcementDecisions ?? 0;
  for (const field of OWN_FIGURES) {
    const value = facts.admin?.[field.key];
    if (value !== undefined && value !== null) cells[field.cell] = value;
  }
  putRequestAndReviewCells(cells, facts, OUTCOME_ROWS_2019);
  return cells;
}

/**
 * 表二 主动公开政府信息情况: five blocks of 第二十条 on a grid of a label column and six narrow
 * columns, so that three values (two columns each) and two values (three each) both fill a row.
 */
function buildT2(cells: Cells): TableModel {
  const block = (title: string): GridCell[] => [head(title, { colSpan: 7 })];
  const heads = (...texts: string[]): GridCell[] => [
    head('信息内容'),
    ...texts.map((t) => head(t, { colSpan: 6 / texts.length })),
  ];
  const values = (text: string, ...codes: string[]): GridCell[] => [
    label(text),
    ...codes.map((code) => data(cells, code, 6 / codes.length)),
  ];
  const { items_prev, items_change, decisions } = T2_ITEM_COLUMN_LABELS_2019;
  const items = (n: 5 | 6): GridCell[][] => [
    heads(items_prev, items_change, decisions),
    ...T2_ITEM_ROWS_2019.filter((r) => r.block === n).map((r) =>
      values(r.label, `t2.${r.code}.items_prev`, `t2.${r.code}.items_change`, `t2.${r.code}.decisions`),
    ),
  ];
  return {
    id: 't2',
    columnWidths: [4, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
    rows: [
      block('第二十条第（一）项'),
      heads('本年新制作数量', '本年新公开数量', '对外公开总数量'),
      ...NORMATIVE_KINDS.map((kind) =>
        values(
          NORMATIVE_LABELS_2019[kind],
          ...T2_NORMATIVE_COLUMNS_2019.map((column) => `t2.${kind}.${column}`),
        ),
      ),
      block('第二十条第（五）项'),
      ...items(5),
      block('第二十条第（六）项'),
      ...items(6),
      block('第二十条第（八）项'),
      heads(items_prev, items_change),
      values(T2_FEES_LABEL_2019, 't2.fees.items_prev', 't2.fees.items_change'),
      block('第二十条第（九）项'),
      heads(T2_PROCUREMENT_COLUMN_LABELS_2019.projects, T2_PROCUREMENT_COLUMN_LABELS_2019.amount_yuan),
      values(T2_PROCUREMENT_LABEL_2019, 't2.procurement.projects', 't2.procurement.amount_yuan'),
    ],
  };
}

/** The 2019 trial format. */
export const FORMAT_2019: ReportFormat = {
  id: '2019',
  citation: '《中华人民共和国政府信息公开工作年度报告格式（试行）》(国办公开办函〔2019〕60号)',
  cellCodes: CELL_CODES_2019,
  decimalCells: [],
  yuanCells: ['t2.procurement.amount_yuan'],
  signedCells: SIGNED_CELLS_2019,
  optionalCells: optionalFigureCells('2019'),
  outcomeRows: OUTCOME_ROWS_2019,
  t3Rows: T3_ROWS_2019,
  sections: REPORT_SECTIONS,
  computeCells,
  tables: (cells) => [buildT2(cells), buildT3(cells, OUTCOME_ROWS_2019), buildT4(cells)],
};
