/**
 * The 2021 format (国办公开办函〔2021〕30号), used from the reports on 2021: table 二 with
 * 本年制发/废止/现行有效 and 本年处理决定数量, 行政事业性收费 in 万元; table 三 with all 21 outcomes.
 */
import type { ReportFormat } from '../../format.ts';
import { REPORT_SECTIONS } from '../../sections.ts';
import { data, type GridCell, head, label, type TableModel } from '../../table-model.ts';
import type { Cells, YearFacts } from '../../types.ts';
import { NORMATIVE_KIND_LABELS, NORMATIVE_KINDS } from '../../vocabulary.ts';
import { buildT3, buildT4, putRequestAndReviewCells } from '../common.ts';
import {
  CELL_CODES_2021,
  DECIMAL_CELL,
  OUTCOME_ROWS_2021,
  T2_NORMATIVE_COLUMNS,
  T3_ROWS_2021,
} from './rows.ts';

function computeCells(facts: YearFacts): Cells {
  const cells: Cells = {};
  for (const kind of NORMATIVE_KINDS) {
    for (const column of T2_NORMATIVE_COLUMNS) cells[`t2.${kind}.${column}`] = facts.normative[kind][column];
  }
  cells['t2.license.decisions'] = facts.admin?.licenseDecisions ?? 0;
  cells['t2.penalty.decisions'] = facts.admin?.penaltyDecisions ?? 0;
  cells['t2.enforcement.decisions'] = facts.admin?.enforcementDecisions ?? 0;
  // 万元 as the agency entered it (“706”, “0.350000”, “24252.311082”); no figures: 0
  cells[DECIMAL_CELL] = facts.admin?.feesWan ?? '0';
  putRequestAndReviewCells(cells, facts, OUTCOME_ROWS_2021);
  return cells;
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
      ...single('本年收费金额（单位：万元）', [['行政事业性收费', DECIMAL_CELL]]),
    ],
  };
}

/** The 2021 format. */
export const FORMAT_2021: ReportFormat = {
  id: '2021',
  citation: '《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)',
  cellCodes: CELL_CODES_2021,
  decimalCells: [DECIMAL_CELL],
  yuanCells: [],
  signedCells: [],
  optionalCells: [],
  outcomeRows: OUTCOME_ROWS_2021,
  t3Rows: T3_ROWS_2021,
  sections: REPORT_SECTIONS,
  computeCells,
  tables: (cells) => [buildT2(cells), buildT3(cells, OUTCOME_ROWS_2021), buildT4(cells)],
};
