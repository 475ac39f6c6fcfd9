/** Test helpers of the item import: rows, and the same rows as a CSV, XLSX or JSON Lines file. */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ItemFileFormat } from './sources.ts';

/** A row by Chinese column name; a value of an XLSX cell may be a date or a boolean. */
export type Row = Record<string, string | number | boolean | Date>;

/** The columns the test files have: Chinese name (CSV, XLSX header) and key (JSON Lines). */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['编号', 'ref'],
  ['标题', 'title'],
  ['正文', 'body'],
  ['类别', 'category'],
  ['发文机关', 'issuer'],
  ['文号', 'docNumber'],
  ['成文日期', 'formedOn'],
  ['发布日期', 'publishedOn'],
  ['有效性', 'validity'],
  ['政策文件', 'isPolicyDocument'],
  ['解读材料', 'isInterpretation'],
  ['解读对象', 'interprets'],
  ['其他渠道', 'postings'],
];

const PLAIN: Row = { 类别: 'a20.4', 发文机关: '某统计局', 成文日期: '2021-04-01', 发布日期: '2021-04-02' };

/** A policy posted on WeChat, its interpretation (linked by 编号), and a plain item; titles end in `tag`. */
export function threeRows(tag: string): Row[] {
  const policy = { 类别: 'a20.1', 发文机关: '某管委会', 成文日期: '2021-03-01', 有效性: '有效' };
  return [
    {
      ...policy,
      ...{
        编号: `p-${tag}`,
        标题: `关于优化营商环境的实施意见${tag}`,
        正文: '<p>营商环境</p><script>x</script>',
      },
      ...{ 文号: `某发〔2021〕${tag}号`, 发布日期: '2021-03-05', 政策文件: '是' },
      其他渠道: `wechat https://mp.weixin.qq.com/s/${tag}`,
    },
    {
      ...policy,
      编号: `i-${tag}`,
      标题: `解读${tag}`,
      成文日期: '2021-03-02',
      发布日期: '2021-03-06',
      解读材料: '是',
      解读对象: `p-${tag}`,
    },
    { ...PLAIN, 标题: `统计公报${tag}` },
  ];
}

/** A row whose 发布日期 is not a date. */
export const badDateRow = (tag: string): Row => ({ ...PLAIN, 标题: `坏行${tag}`, 发布日期: '2021-13-01' });

const csvCell = (v: Row[string] | undefined) => `"${String(v ?? '').replaceAll('"', '""')}"`;

function csvFile(rows: Row[]): Readable {
  const lines = [COLUMNS.map(([zh]) => zh), ...rows.map((r) => COLUMNS.map(([zh]) => r[zh]))];
  return Readable.from(lines.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join(''));
}

function jsonlFile(rows: Row[]): Readable {
  const objects = rows.map((r) => Object.fromEntries(COLUMNS.map(([zh, key]) => [key, r[zh] ?? ''])));
  return Readable.from(objects.map((o) => `${JSON.stringify(o)}\n`).join(''));
}

/** A real date cell where the text is a date (a bad one stays text, as Excel keeps it), yes/no as booleans. */
function excelValue(name: string, value: Row[string] | undefined): Row[string] {
  if (value === undefined) return '';
  if (name === '发布日期') {
    const date = new Date(`${String(value)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return name === '政策文件' ? value === '是' : value;
}

async function xlsxFile(rows: Row[]): Promise<Readable> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('信息');
  sheet.addRow(COLUMNS.map(([zh]) => zh));
  for (const r of rows) sheet.addRow(COLUMNS.map(([zh]) => excelValue(zh, r[zh])));
  return Readable.from(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** The rows as a file of the format. */
export async function itemFile(format: ItemFileFormat, rows: Row[]): Promise<Readable> {
  if (format === 'csv') return csvFile(rows);
  if (format === 'jsonl') return jsonlFile(rows);
  return xlsxFile(rows);
}
