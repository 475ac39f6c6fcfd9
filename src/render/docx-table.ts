/**
 * Word tables: the report's tables 二, 三 and 四 from the shared table model (merges as Word
 * `w:gridSpan` / `w:vMerge`), and the small value tables printed under the charts.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { smallParagraph, TEXT_WIDTH } from './docx-style.ts';
import { expandGrid } from './grid.ts';
import type { GridCell, TableModel } from './table-model.ts';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** Black single rules round and inside a table, as the printed formats draw them. */
export const TABLE_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};
const CELL_MARGINS = { top: 20, bottom: 20, left: 40, right: 40 };
/** Rows at least 0.7 cm high, as in the printed format. */
const ROW_HEIGHT = { value: 397, rule: HeightRule.ATLEAST };

/**
 * Tables whose leading header rows Word repeats on every page the table runs onto. Table 二 is
 * left out: its header rows belong to block (一) only, and repeated they would mislabel (五)–(八).
 */
const REPEATED_HEADERS = new Set<TableModel['id']>(['t3', 't4']);

/** Scales relative widths to whole twips that add up to `total` exactly. */
export function scaleWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w * total) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** How many rows at the top consist of header cells only. */
export function headerRowCount(model: TableModel): number {
  const index = model.rows.findIndex((row) => row.some((cell) => !cell.header));
  return index < 0 ? model.rows.length : index;
}

/** The grid column each cell of the model starts in. */
function startColumns(model: TableModel): Map<GridCell, number> {
  const starts = new Map<GridCell, number>();
  for (const row of expandGrid(model)) {
    row.forEach((slot, column) => {
      if (slot.origin) starts.set(slot.cell, column);
    });
  }
  return starts;
}

/** One table of the report as a Word table filling the type area, spans kept as merges. */
export function reportTable(model: TableModel, width = TEXT_WIDTH): Table {
  const columns = scaleWidths(model.columnWidths, width);
  const starts = startColumns(model);
  const repeated = REPEATED_HEADERS.has(model.id) ? headerRowCount(model) : 0;
  const cellWidth = (cell: GridCell): number => {
    const start = starts.get(cell) ?? 0;
    return columns.slice(start, start + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
  };
  const rows = model.rows.map(
    (cells, index) =>
      new TableRow({
        tableHeader: index < repeated,
        cantSplit: true,
        height: ROW_HEIGHT,
        children: cells.map(
          (cell) =>
            new TableCell({
              rowSpan: cell.rowSpan,
              columnSpan: cell.colSpan,
              width: { size: cellWidth(cell), type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: CELL_MARGINS,
              children: [smallParagraph(cell.text, cell.align ?? 'center')],
            }),
        ),
      }),
  );
  return framedTable(rows, columns);
}

function framedTable(rows: TableRow[], columns: number[]): Table {
  return new Table({
    rows,
    columnWidths: columns,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: TABLE_BORDERS,
  });
}
