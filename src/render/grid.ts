import type { GridCell, TableModel } from './table-model.ts';

/** A position of the expanded grid: the cell covering it and whether the cell starts there. */
export interface GridSlot {
  cell: GridCell;
  origin: boolean;
}

/**
 * Expands a table's spans into a full matrix (row × column), so that renderers needing one entry
 * per position (DOCX vertical merges) and tests can walk it. Throws when spans overlap or a row
 * overflows the column count.
 */
export function expandGrid(table: TableModel): GridSlot[][] {
  const width = table.columnWidths.length;
  const grid: Array<Array<GridSlot | undefined>> = table.rows.map(() => new Array(width).fill(undefined));
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && grid[r][c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (c + colSpan > width || r + rowSpan > table.rows.length) {
        throw new Error(`${table.id}: cell “${cell.text}” at row ${r} overflows the grid`);
      }
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          if (grid[r + dr][c + dc]) throw new Error(`${table.id}: overlapping cells at row ${r + dr}`);
          grid[r + dr][c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += colSpan;
    }
  });
  return grid.map((row, r) =>
    row.map((slot, c) => {
      if (!slot) throw new Error(`${table.id}: hole at row ${r}, column ${c}`);
      return slot;
    }),
  );
}
