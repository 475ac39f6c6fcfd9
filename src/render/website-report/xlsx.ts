/**
 * The 政府网站工作年度报表 as XLSX (docs/website-report.md): one sheet with the title, the agency and
 * the template's table (grid.ts), merged cells as merges.
 */
import ExcelJS from 'exceljs';
import type { FilledRow } from '../../domain/website-report/fill.ts';
import { websiteReportGrid } from './grid.ts';

const RULE: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/** The report as an XLSX workbook. */
export async function websiteReportXlsx(input: {
  agencyName: string;
  year: number;
  rows: readonly FilledRow[];
  draft: boolean;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.agencyName;
  const sheet = workbook.addWorksheet(`${input.year}年度`);
  sheet.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  sheet.columns = [{ width: 14 }, { width: 16 }, { width: 34 }, { width: 48 }];
  sheet.mergeCells('A1:D1');
  sheet.getCell('A1').value = `政府网站工作年度报表（${input.year}年度）`;
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells('A2:D2');
  sheet.getCell('A2').value = `填报单位：${input.agencyName}${input.draft ? '（草稿）' : ''}`;
  const top = 3;
  // the columns each row's cells start at, skipping those a span from above still covers
  const covered = new Set<string>();
  websiteReportGrid(input.rows).forEach((cells, r) => {
    const rowNo = top + r;
    let col = 1;
    for (const cell of cells) {
      while (covered.has(`${rowNo}:${col}`)) col++;
      const rows = cell.rowSpan ?? 1;
      const cols = cell.colSpan ?? 1;
      if (rows > 1 || cols > 1) sheet.mergeCells(rowNo, col, rowNo + rows - 1, col + cols - 1);
      for (let dr = 0; dr < rows; dr++)
        for (let dc = 0; dc < cols; dc++) covered.add(`${rowNo + dr}:${col + dc}`);
      const target = sheet.getCell(rowNo, col);
      const numeric = !cell.label && /^\d+$/.test(cell.text);
      target.value = numeric ? Number(cell.text) : cell.text;
      if (cell.label) target.font = { bold: r === 0 };
      target.alignment = { vertical: 'middle', wrapText: true };
      col += cols;
    }
  });
  const last = top + input.rows.length;
  for (let r = top; r <= last; r++)
    for (let c = 1; c <= 4; c++)
      sheet.getCell(r, c).border = { top: RULE, bottom: RULE, left: RULE, right: RULE };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
