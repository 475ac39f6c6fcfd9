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

/**
 * What each data cell of a table counts, in words: the row labels to its left and the nearest
 * headers above it in its column, merges followed (`一、本年新收政府信息公开申请数量 · 申请人情况 · 自然人`),
 * keyed by cell code. Screen readers and tooltips name a cell by it instead of its code.
 */
export function cellNames(model: TableModel): Record<string, string> {
  // lay the cells on a full grid: every position points at the cell covering it
  const grid: GridCell[][] = model.rows.map(() => []);
  model.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          const line = grid[r + dr];
          if (line) line[c + dc] = cell;
        }
      c += cell.colSpan ?? 1;
    }
  });
  const names: Record<string, string> = {};
  grid.forEach((line, r) => {
    line.forEach((cell, c) => {
      if (!cell.code || names[cell.code]) return;
      const parts: string[] = [];
      const add = (other: GridCell | undefined) => {
        if (other?.header && other.text && !parts.includes(other.text)) parts.push(other.text);
      };
      for (let left = 0; left < c; left++) add(line[left]);
      // the column's nearest block of headers above (a table may stack blocks, as 二 does)
      const headers: GridCell[] = [];
      for (let above = r - 1; above >= 0; above--) {
        const other = grid[above]?.[c];
        if (other?.header) headers.unshift(other);
        else if (headers.length > 0) break;
      }
      for (const header of headers) add(header);
      names[cell.code] = parts.join(' · ');
    });
  });
  return names;
}
