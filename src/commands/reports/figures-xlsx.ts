/**
 * The yearly figures as an XLSX sheet (docs/reports.md “Importing the yearly figures”): the first
 * worksheet, column A the labels, column B the values — B1 the year, then the figures the year's
 * format takes in the order of FIGURE_FIELDS: B2–B5 the four of every year, and for a 2019-format
 * year (≤ 2020) B6–B18 its own (blank: not stated). Column C (units, notes) is ignored. Problems
 * name the cell.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  FIGURE_FIELDS,
  type FigureField,
  type FigureIssue,
  type FigureKey,
  figureFieldsOf,
} from '../../domain/report/figures.ts';
import { formatForYear } from '../../domain/report/formats/registry.ts';
import type { AdminFigures } from '../../domain/report/types.ts';
import { AppError } from '../../errors.ts';
import { cellValue } from '../import-items/xlsx.ts';

const YEAR_LABEL = '年度';
/**
 * The row of each figure (row 1 holds the year): the order of FIGURE_FIELDS, whose first four every
 * year takes, so a figure has the same row in every template that has it.
 */
const ROW_OF: Record<FigureKey, number> = Object.fromEntries(
  FIGURE_FIELDS.map((f, i) => [f.key, i + 2]),
) as Record<FigureKey, number>;

/** The cell of a figure's value (“B2” …). */
export const figureCell = (key: FigureKey): string => `B${ROW_OF[key]}`;

/** The figures of a year's template. */
const fieldsOfYear = (year: number) => figureFieldsOf(formatForYear(year).id);

/** Column C: the unit and how to write the value. */
function noteOf(field: FigureField): string {
  const how =
    field.kind === 'wan'
      ? '最多六位小数，按所填原样印在报告中（如 706、0.350000、24252.311082）'
      : field.kind === 'yuan'
        ? '最多两位小数，按所填原样印在报告中'
        : field.kind === 'signed'
          ? '整数，减少时填负数（如 -8）'
          : '不小于 0 的整数';
  return `单位：${field.unit}，${how}${field.required ? '' : '；没有此项数据的留空'}`;
}

/** The template: labels, the year, and the current values (blank when none), with units beside. */
export async function figuresTemplate(year: number, current: AdminFigures | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(year + 1, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('年度数据');
  sheet.columns = [{ width: 40 }, { width: 16 }, { width: 48 }];
  sheet.addRow([YEAR_LABEL, year, '请勿修改本行；导入时须与所选年度一致']);
  for (const field of fieldsOfYear(year)) {
    const row = sheet.addRow([field.label, current?.[field.key] ?? null, noteOf(field)]);
    // an amount is kept as text, so 0.350000 stays 0.350000 (a number cell would show 0.35)
    if (field.kind === 'wan' || field.kind === 'yuan') row.getCell(2).numFmt = '@';
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The values of an uploaded sheet by figure key, or a validation error naming the cells. */
export async function readFiguresSheet(
  content: Buffer,
  year: number,
): Promise<Partial<Record<FigureKey, unknown>>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // read from a stream: exceljs types `load` with its own Buffer, which Node 20’s typed Buffer does not match
    await workbook.xlsx.read(Readable.from([content]));
  } catch {
    throw new AppError('validation', '文件不是有效的 XLSX 工作簿，请下载模板填写后再导入。', [
      { field: 'contentBase64', message: '不是有效的 XLSX 文件' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('validation', '工作簿中没有工作表，请使用模板。');
  const value = (address: string) => cellValue(sheet.getCell(address).value);
  const issues: FigureIssue[] = [];
  const text = (address: string) => String(value(address) ?? '').trim();
  if (text('A1') !== YEAR_LABEL)
    issues.push({ field: 'A1', message: `A1 应为“${YEAR_LABEL}”，请使用模板。` });
  if (text('B1') !== String(year))
    issues.push({ field: 'B1', message: `B1 的年度“${text('B1')}”应为 ${year}。` });
  const fields = fieldsOfYear(year);
  for (const field of fields) {
    const address = `A${ROW_OF[field.key]}`;
    if (text(address) !== field.label)
      issues.push({ field: address, message: `${address} 应为“${field.label}”，请使用模板，不要移动行。` });
  }
  for (const field of FIGURE_FIELDS.filter((f) => !fields.includes(f))) {
    const row = ROW_OF[field.key];
    if (text(`A${row}`) === field.label && text(`B${row}`) !== '')
      issues.push({
        field: `B${row}`,
        message: `B${row}（${field.label}）是${field.formats.join('、')}年版报告格式独有的数据，${year} 年度报告没有这一项；请使用 ${year} 年度的模板。`,
      });
  }
  if (issues.length > 0)
    throw new AppError(
      'validation',
      `表格格式不符：${issues[0].message}${issues.length > 1 ? `（共 ${issues.length} 处）` : ''}`,
      issues,
    );
  return Object.fromEntries(fields.map((f) => [f.key, value(figureCell(f.key))]));
}
