/**
 * A cell as people read it in the printed tables: the table, its row and its column in Chinese
 * (表三“（七）总计”行“自然人”列), never its code (t3.total.natural_person). Validation messages, the
 * editor and the records drawer name cells with these; the codes stay for programs.
 */
import type { ReportFormat } from './format.ts';
import { groupHeading, T3_ROW_LABELS } from './formats/common.ts';
import type { GridCell } from './table-model.ts';
import { APPLICANT_TYPE_LABELS, T4_COLUMN_LABELS, T4_GROUP_LABELS } from './vocabulary.ts';

const TABLE_NAMES: Readonly<Record<string, string>> = { t2: '表二', t3: '表三', t4: '表四' };

/** The row of table 三 as printed, without the format's note on 部分公开 (“（二）部分公开”). */
export function t3RowLabel(format: ReportFormat, row: string): string {
  const fixed = T3_ROW_LABELS[row as keyof typeof T3_ROW_LABELS];
  if (fixed) return fixed;
  const outcomeRow = format.outcomeRows.find((r) => r.code === row);
  if (!outcomeRow) return '表三中的一行';
  const label = outcomeRow.label.replace(/（区分处理的[^）]*）$/, '');
  const several = format.outcomeRows.filter((r) => r.group === outcomeRow.group).length > 1;
  return several ? `${groupHeading(outcomeRow.group)} ${label}` : label;
}

/** A column of table 三 (申请人情况): 自然人, 法人或其他组织的一类, 总计. */
export function t3ColumnLabel(column: string): string {
  if (column === 'total') return '总计';
  const label = APPLICANT_TYPE_LABELS[column as keyof typeof APPLICANT_TYPE_LABELS];
  if (!label) return '其中一列';
  return column === 'natural_person' ? label : `法人或其他组织·${label}`;
}

/** A group of table 四 as printed (“行政复议”, “行政诉讼·未经复议直接起诉”). */
function t4GroupLabel(group: string): string {
  const label = T4_GROUP_LABELS[group as keyof typeof T4_GROUP_LABELS];
  if (!label) return '其中一栏';
  return group === 'review' ? label : `行政诉讼·${label}`;
}

/**
 * A cell of table 二, read off the format's own grid: the block (第二十条第（一）项), the row's label
 * and the column's heading above it.
 */
function t2Label(format: ReportFormat, code: string): string | null {
  const table = format.tables({}).find((t) => t.id === 't2');
  if (!table) return null;
  let block = '';
  let heads: GridCell[] = [];
  for (const row of table.rows) {
    const first = row[0];
    if (row.length === 1 && first?.header) {
      block = first.text;
      continue;
    }
    if (first?.header && row.slice(1).every((c) => c.header)) {
      heads = row.slice(1);
      continue;
    }
    const data = row.filter((c) => !c.header);
    const index = data.findIndex((c) => c.code === code);
    if (index < 0) continue;
    const column = heads[index]?.text ?? '';
    return `表二${block}“${first?.text ?? ''}”行${column ? `“${column}”列` : ''}`;
  }
  return null;
}

/**
 * The name of a cell as people read it: 表三“（三）不予公开 1.属于国家秘密”行“自然人”列,
 * 表四“行政复议”的“结果维持”, 表二第二十条第（一）项“规章”行“本年制发件数”列. A code the
 * format does not have is named as such, without the code.
 */
export function cellLabel(format: ReportFormat, code: string): string {
  const [table, ...rest] = code.split('.');
  if (table === 't3' && rest.length >= 2) {
    const column = rest[rest.length - 1] ?? '';
    const row = rest.slice(0, -1).join('.');
    return `表三“${t3RowLabel(format, row)}”行“${t3ColumnLabel(column)}”列`;
  }
  if (table === 't4' && rest.length === 2) {
    const [group = '', column = ''] = rest;
    const columnLabel = T4_COLUMN_LABELS[column as keyof typeof T4_COLUMN_LABELS] ?? '其中一列';
    return `表四“${t4GroupLabel(group)}”的“${columnLabel}”`;
  }
  if (table === 't2') {
    const found = t2Label(format, code);
    if (found) return found;
  }
  return `${TABLE_NAMES[table ?? ''] ?? '报告表格'}中本格式没有的一项`;
}

/** Several cells in one phrase (“表三…列、表三…列”). */
export function cellLabels(format: ReportFormat, codes: readonly string[]): string {
  return codes.map((code) => cellLabel(format, code)).join('、');
}
