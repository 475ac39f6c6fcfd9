/**
 * The tables of the annual report as renderer-neutral grids (the shapes and the cell helpers the
 * formats build them with): HTML, DOCX and the console lay them out from this one model.
 */
import type { Cells } from './types.ts';

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

type Span = { rowSpan?: number; colSpan?: number };

/** A centred header cell. */
export function head(text: string, span: Span = {}): GridCell {
  return { text, header: true, align: 'center', ...span };
}

/** A left-aligned row label. */
export function label(text: string, span: Span = {}): GridCell {
  return { text, header: true, align: 'left', ...span };
}

/** A data cell showing the value of a cell code. */
export function data(cells: Cells, code: string, colSpan?: number): GridCell {
  const cell: GridCell = { text: cellText(cells, code), code, align: 'center' };
  if (colSpan) cell.colSpan = colSpan;
  return cell;
}
