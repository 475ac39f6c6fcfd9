/**
 * The first worksheet of an XLSX file, row by row, with exceljs's streaming reader (the sheet is
 * never held in memory; shared strings are). Cells come as text, numbers, booleans or dates (with
 * the styles read, a date-formatted cell is a Date); rich text, links and formulas as their text.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A row of the sheet: its number as Excel shows it, and its cells from column A. */
export interface SheetRow {
  row: number;
  cells: unknown[];
}

/** The plain value of a cell: rich text, hyperlinks, formulas and errors reduced to what they show. */
export function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
  if ('result' in v) return cellValue(v.result);
  if ('text' in v) return cellValue(v.text);
  if ('error' in v) return String(v.error);
  return String(value);
}

/** The rows of the workbook's first worksheet. */
export async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { row: row.number, cells: Array.from(values, cellValue) };
      }
      return;
    }
  } finally {
    input.destroy();
  }
}
