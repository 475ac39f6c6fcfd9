/**
 * The 标准目录 as XLSX (docs/catalog.md): the first worksheet of an uploaded catalogue read into a grid
 * of cell texts — each merged cell's value in every cell it spans (exceljs gives a merged cell its
 * master's value), dates as YYYY-MM-DD — for domain/catalog/sheet.ts; and the catalogue written in
 * the layout real catalogues use (title row, two header rows with 公开事项, 公开对象 and 公开方式 over
 * their sub-columns, √ marks), which the import reads back.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { StoredCatalogEntry } from '../../db/queries/catalog.ts';
import { AUDIENCE_LABELS, AUDIENCES, MANNER_LABELS, MANNERS } from '../../domain/catalog/entry.ts';
import { AppError } from '../../errors.ts';
import { cellValue } from '../import-items/xlsx.ts';

/** The most rows and columns of a catalogue sheet read. */
const MAX_ROWS = 5000;
const MAX_COLUMNS = 40;

function text(value: unknown): string {
  const plain = cellValue(value);
  if (plain === null || plain === undefined) return '';
  if (plain instanceof Date) return plain.toISOString().slice(0, 10);
  return String(plain).trim();
}

/** The first worksheet's cells as texts, merged cells filled; a file that is not XLSX refused. */
export async function readCatalogGrid(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // read from a stream: exceljs types `load` with its own Buffer, which Node 20’s typed Buffer does not match
    await workbook.xlsx.read(Readable.from([content]));
  } catch {
    throw new AppError('validation', '文件不是有效的 XLSX 工作簿：请把标准目录另存为 .xlsx 格式后再导入。', [
      { field: 'contentBase64', message: '不是有效的 XLSX 文件' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new AppError('validation', '工作簿中没有工作表。', [
      { field: 'contentBase64', message: '没有工作表' },
    ]);
  if (sheet.rowCount > MAX_ROWS)
    throw new AppError('validation', `标准目录最多 ${MAX_ROWS} 行，请分领域导入。`, [
      { field: 'contentBase64', message: `超过 ${MAX_ROWS} 行` },
    ]);
  const width = Math.min(sheet.columnCount, MAX_COLUMNS);
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(text(row.getCell(c).value));
    grid.push(cells);
  }
  return grid;
}

const HEADER_TOP = [
  '序号',
  '领域',
  '公开事项',
  '公开事项',
  '公开内容（要素）',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  '公开对象',
  '公开对象',
  '公开方式',
  '公开方式',
  '公开层级',
  '发布栏目',
  '时限规则',
];
const HEADER_SUB = [
  '序号',
  '领域',
  '一级事项',
  '二级事项',
  '公开内容（要素）',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  ...AUDIENCES.map((a) => AUDIENCE_LABELS[a]),
  ...MANNERS.map((m) => MANNER_LABELS[m]),
  '公开层级',
  '发布栏目',
  '时限规则',
];
const WIDTHS = [6, 12, 14, 14, 40, 30, 22, 16, 24, 7, 7, 7, 7, 12, 24, 26];

/** The catalogue as an XLSX workbook (`columnName`: a column key → its name; `ruleLabel`: the rule in words). */
export async function catalogWorkbook(
  title: string,
  entries: readonly StoredCatalogEntry[],
  columnName: (key: string) => string,
  ruleLabel: (entry: StoredCatalogEntry) => string,
  at: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = at;
  workbook.modified = at;
  const sheet = workbook.addWorksheet('标准目录');
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, HEADER_TOP.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.addRow(HEADER_TOP);
  sheet.addRow(HEADER_SUB);
  // the groups over their sub-columns, and the one-row names merged down
  sheet.mergeCells(2, 3, 2, 4);
  sheet.mergeCells(2, 10, 2, 11);
  sheet.mergeCells(2, 12, 2, 13);
  for (const c of [1, 2, 5, 6, 7, 8, 9, 14, 15, 16]) sheet.mergeCells(2, c, 3, c);
  for (const r of [2, 3]) {
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  const tick = (on: boolean) => (on ? '√' : '');
  for (const e of entries)
    sheet.addRow([
      e.seq,
      e.domain,
      e.level1,
      e.level2,
      e.content,
      e.basis,
      e.deadline,
      e.subject,
      e.channels,
      ...AUDIENCES.map((a) => tick(e.audience.includes(a))),
      ...MANNERS.map((m) => tick(e.manner.includes(m))),
      e.levels.join('、'),
      e.columns.map(columnName).join('、'),
      ruleLabel(e),
    ]).alignment = { vertical: 'top', wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
