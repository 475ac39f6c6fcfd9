/**
 * The report format's tables as an XLSX workbook (a region's consolidated statistics, issue 15):
 * one worksheet per table (二、三、四) laid out as the national format prints it — the same grids as
 * HTML and DOCX (render/table-model.ts), header merges included — then a sheet of every cell by its
 * code, and a sheet of the table rules' findings. Whole numbers are numbers; amounts (万元) stay the
 * text as stored, so 0.350000 prints as written.
 */
import ExcelJS from 'exceljs';
import type { TableModel } from '../domain/report/table-model.ts';
import { expandGrid } from './grid.ts';
import { TABLE_TITLES } from './html-table.ts';

export interface TablesWorkbookInput {
  /** the first line of each table sheet: 威海市 2025年 政府信息公开工作统计（汇总） */
  title: string;
  tables: TableModel[];
  /** every cell: code, its label, the value */
  cells: Array<{ code: string; label: string; value: number | string | undefined }>;
  findings: Array<{ rule: string; severity: string; cells: string[]; message: string }>;
  /** the workbook's dates: fixed, so the same data gives the same content */
  created: Date;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** An integer cell as a number; anything else (amounts, blanks) as its text. */
function sheetValue(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** A cell's text width: a CJK character takes about two units of column width. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** Lays a table (expanded by grid.ts, as DOCX is) onto a worksheet from row `top`, merges and rules included. */
function layTable(sheet: ExcelJS.Worksheet, table: TableModel, top: number): void {
  expandGrid(table).forEach((slots, r) => {
    // a spreadsheet does not grow a row for a wrapped cell by itself: as many lines as its widest label needs
    let lines = 1;
    slots.forEach(({ cell, origin }, c) => {
      const target = sheet.getCell(top + r, c + 1);
      target.border = BORDER;
      if (!origin) return;
      const rows = cell.rowSpan ?? 1;
      const cols = cell.colSpan ?? 1;
      target.value = cell.code ? sheetValue(cell.text) : cell.text;
      target.alignment = {
        vertical: 'middle',
        horizontal: cell.align === 'left' ? 'left' : 'center',
        wrapText: true,
      };
      if (cell.header) target.font = { bold: !cell.code && cell.align === 'center' };
      if (rows > 1 || cols > 1) sheet.mergeCells(top + r, c + 1, top + r + rows - 1, c + cols);
      if (rows > 1) return;
      let width = 0;
      for (let dc = 0; dc < cols; dc++) width += sheet.getColumn(c + dc + 1).width ?? 8;
      lines = Math.max(lines, Math.ceil(textWidth(cell.text) / Math.max(1, width - 1)));
    });
    if (lines > 1) sheet.getRow(top + r).height = 15 * lines;
  });
}

export async function tablesWorkbook(input: TablesWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = input.created;
  workbook.modified = input.created;
  const numerals = ['二', '三', '四'];
  input.tables.forEach((table, i) => {
    const sheet = workbook.addWorksheet(`${numerals[i] ?? i + 2}、${TABLE_TITLES[table.id]}`.slice(0, 31));
    const total = table.columnWidths.reduce((a, b) => a + b, 0);
    sheet.columns = table.columnWidths.map((w) => ({ width: Math.max(6, Math.round((w / total) * 100)) }));
    // printed as the report prints its tables: A4 landscape, one page wide
    sheet.pageSetup = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
    sheet.getCell(1, 1).value = input.title;
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getCell(2, 1).value = `${numerals[i] ?? ''}、${TABLE_TITLES[table.id]}`;
    sheet.getCell(2, 1).font = { bold: true };
    layTable(sheet, table, 3);
  });
  const byCode = workbook.addWorksheet('按单元格代码');
  byCode.columns = [
    { header: '代码', width: 14 },
    { header: '单元格', width: 60 },
    { header: '数值', width: 16 },
  ];
  byCode.getRow(1).font = { bold: true };
  byCode.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  for (const cell of input.cells)
    byCode.addRow([cell.code, cell.label, cell.value === undefined ? '' : sheetValue(String(cell.value))]);
  const checks = workbook.addWorksheet('表内校验');
  checks.columns = [
    { header: '规则', width: 10 },
    { header: '级别', width: 10 },
    { header: '涉及单元格', width: 30 },
    { header: '说明', width: 80 },
  ];
  checks.getRow(1).font = { bold: true };
  checks.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  if (input.findings.length === 0) checks.addRow(['', '', '', '汇总数据通过全部表内校验。']);
  for (const f of input.findings) checks.addRow([f.rule, f.severity, f.cells.join('、'), f.message]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
