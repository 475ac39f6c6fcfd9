import { escapeHtml } from './escape.ts';
import type { GridCell, TableModel } from './table-model.ts';

/** The tables' titles as the national format prints them (二、三、四). */
export const TABLE_TITLES: Record<TableModel['id'], string> = {
  t2: '主动公开政府信息情况',
  t3: '收到和处理政府信息公开申请情况',
  t4: '政府信息公开行政复议、行政诉讼情况',
};

/** `scope` of a header cell: row headers sit in rows that hold data, column headers in rows that do not. */
function scopeOf(cell: GridCell, row: GridCell[]): string {
  const isRowHeader = row.some((c) => c.code);
  if (isRowHeader) return (cell.rowSpan ?? 1) > 1 ? 'rowgroup' : 'row';
  return (cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col';
}

/** Why cells hold nothing, by code (a report as read, 年报体检): such a cell shows a mark with the reason. */
export type UnreadCells = Readonly<Record<string, string>>;

function renderCell(
  cell: GridCell,
  row: GridCell[],
  flagged: ReadonlySet<string>,
  unread: UnreadCells,
): string {
  const attrs: string[] = [];
  if ((cell.rowSpan ?? 1) > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if ((cell.colSpan ?? 1) > 1) attrs.push(`colspan="${cell.colSpan}"`);
  const classes = [cell.align === 'left' ? 'l' : 'c'];
  if (cell.header) {
    attrs.unshift(`scope="${scopeOf(cell, row)}"`);
    return `<th ${attrs.join(' ')} class="${classes.join(' ')}">${escapeHtml(cell.text)}</th>`;
  }
  if (cell.code) {
    attrs.unshift(`data-cell="${escapeHtml(cell.code)}"`);
    if (flagged.has(cell.code)) classes.push('flag');
    const why = cell.text === '' ? unread[cell.code] : undefined;
    if (why !== undefined) {
      classes.push('unread');
      attrs.push(`title="${escapeHtml(`未读出：${why}`)}"`);
      return `<td ${attrs.join(' ')} class="${classes.join(' ')}"><span aria-hidden="true">？</span><span class="gk-vh">未读出：${escapeHtml(why)}</span></td>`;
    }
  }
  return `<td ${attrs.join(' ')} class="${classes.join(' ')}">${escapeHtml(cell.text)}</td>`;
}

/**
 * Leading rows made only of headers form the `<thead>` (repeated on each printed page) — unless
 * header-only rows also occur further down (table 二's block titles), where a repeat would mislead.
 */
function headRowCount(table: TableModel): number {
  const headerOnly = table.rows.map((row) => row.every((c) => c.header));
  const lead = headerOnly.findIndex((h) => !h);
  if (lead <= 0) return 0;
  return headerOnly.slice(lead).some(Boolean) ? 0 : lead;
}

/**
 * A table of the report as an HTML `<table>` with rowspan/colspan, `<th scope>` and `data-cell` codes;
 * flagged cells highlighted, and (a report as read) an empty cell with its reason marked “？”.
 */
export function renderTableHtml(
  table: TableModel,
  flagged: ReadonlySet<string> = new Set(),
  unread: UnreadCells = {},
): string {
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const cols = table.columnWidths
    .map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`)
    .join('');
  const rowHtml = (row: GridCell[], index: number) =>
    `<tr${index === 0 ? ' class="top"' : ''}>${row.map((c) => renderCell(c, row, flagged, unread)).join('')}</tr>`;
  const split = headRowCount(table);
  const head = split > 0 ? `<thead>${table.rows.slice(0, split).map(rowHtml).join('\n')}</thead>\n` : '';
  const body = `<tbody>${table.rows
    .slice(split)
    .map((row, i) => rowHtml(row, split + i))
    .join('\n')}</tbody>`;
  const label = escapeHtml(TABLE_TITLES[table.id]);
  return `<table class="gk-table gk-${table.id}" aria-label="${label}"><colgroup>${cols}</colgroup>\n${head}${body}</table>`;
}
