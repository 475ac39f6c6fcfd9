/**
 * A national annual report format as a value: its cells, table 三 rows (how the outcomes a case is
 * decided with map onto them), labels, the table models the renderers lay out, the narrative
 * sections, and which rules apply. formats/registry.ts picks one by id or by year.
 */
import type { TableModel } from './table-model.ts';
import type { Cells, ReportSection, YearFacts } from './types.ts';
import type { Outcome, OutcomeGroup } from './vocabulary.ts';

/** The formats the system knows: 国办公开办函〔2019〕60号 (trial) and 国办公开办函〔2021〕30号. */
export const FORMAT_IDS = ['2019', '2021'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** The format a report on `year` is written in: the 2019 trial format up to 2020, then 2021. */
export function formatIdForYear(year: number): FormatId {
  return year <= 2020 ? '2019' : '2021';
}

/** A row of table 三's 三、本年度办理结果: the outcomes counted in it and how it is printed and worded. */
export interface OutcomeRow {
  /** the row code in the cells (`t3.<code>.<column>`) */
  code: string;
  group: OutcomeGroup;
  /** the printed label, without the group heading (“1.属于国家秘密”, “（六）其他处理”) */
  label: string;
  /** how the narrative names it (“属于国家秘密不予公开”) */
  phrase: string;
  /** the case outcomes counted in this row */
  outcomes: readonly Outcome[];
}

export interface ReportFormat {
  id: FormatId;
  /** the format as the preamble cites it, e.g. 《…年度报告格式》(国办公开办函〔2021〕30号) */
  citation: string;
  /** every cell code of tables 二, 三 and 四, in the order of the format */
  cellCodes: readonly string[];
  /** cells holding an amount in 万元 as entered (text, at most six decimals: “706”, “24252.311082”) */
  decimalCells: readonly string[];
  /**
   * cells holding an amount in 元 as entered (text, at most two decimals: “184718.6”; a whole number
   * in versions published before migration 0029); every other cell is a whole number
   */
  yuanCells: readonly string[];
  /** whole-number cells that may be negative (本年增/减) */
  signedCells: readonly string[];
  /**
   * cells filled only by yearly figures staff may leave unstated (the 2019 format's own, figures.ts):
   * computeCells leaves an unstated one out, the tables print it empty and R6 reminds staff (a
   * warning) to state it in the yearly figures
   */
  optionalCells: readonly string[];
  /** the rows of 三、本年度办理结果 between 二、上年结转 and （七）总计 */
  outcomeRows: readonly OutcomeRow[];
  /** every row of table 三, in order (`new`, `carried_in`, the outcome rows, `total`, `carried_out`) */
  t3Rows: readonly string[];
  /** the six sections and their headings */
  sections: readonly ReportSection[];
  /** every recorded cell of the format for one agency-year */
  computeCells(facts: YearFacts): Cells;
  /** tables 二, 三 and 四 as renderer-neutral grids */
  tables(cells: Cells): TableModel[];
}

/** The outcome row a case outcome is counted in, in a format. */
export function outcomeRowOf(format: ReportFormat, outcome: Outcome): OutcomeRow {
  const row = format.outcomeRows.find((r) => r.outcomes.includes(outcome));
  if (!row) throw new Error(`format ${format.id} has no row for outcome ${outcome}`);
  return row;
}
