/**
 * What a reader looks for in a format's tables: every row that holds values, with the words that
 * label it and the cell codes of its values in order. Derived from the format's own table models
 * (format.tables), so a format plug-in brings its reading with it.
 */
import type { ReportFormat } from '../format.ts';
import { OUTCOME_ROWS_2019 } from '../formats/2019/rows.ts';
import { OUTCOME_ROWS_2021 } from '../formats/2021/rows.ts';
import type { GridCell, TableModel } from '../table-model.ts';
import { T3_COLUMNS } from '../vocabulary.ts';
import { labelKey } from './normalize.ts';

export interface RowSpec {
  table: TableModel['id'];
  /** the row's own label as printed (“1.属于国家秘密”); empty for table 四's one row */
  label: string;
  /** the labels above it that give it meaning: the block (第二十条第（五）项), the group (（三）不予公开) */
  context: string[];
  /** the label keys a printed row is compared with, best first */
  keys: string[];
  /** the cells of its values, left to right */
  codes: string[];
  /**
   * a row some reports print in place of others (（六）其他处理 as one row in the 2021 format, or as
   * three rows in the 2019 format): the codes it stands for, which are then left unread
   */
  replaces?: string[];
}

const placeholderCells = (format: ReportFormat) => Object.fromEntries(format.cellCodes.map((c) => [c, 0]));

/** The rows of one table model that hold values, with their labels (row spans followed). */
function tableRowSpecs(table: TableModel): RowSpec[] {
  const specs: RowSpec[] = [];
  // label cells still covering later rows: [the last row they cover, text]
  let spanning: Array<{ until: number; text: string }> = [];
  let block = '';
  const heads: string[] = [];
  table.rows.forEach((row: GridCell[], r) => {
    spanning = spanning.filter((s) => s.until >= r);
    const codes = row.filter((c) => c.code).map((c) => c.code as string);
    const labels = row.filter((c) => !c.code && c.header && c.align === 'left');
    const centred = row.filter((c) => !c.code && c.header && c.align !== 'left');
    // a block title spans the whole width of table 二 (第二十条第（一）项)
    const width = table.columnWidths.length;
    for (const c of centred) {
      if ((c.colSpan ?? 1) >= width) block = c.text;
      heads.push(c.text);
    }
    const own = labels.filter((c) => (c.rowSpan ?? 1) === 1).map((c) => c.text);
    const context = [
      block,
      ...spanning.map((s) => s.text),
      ...labels.filter((c) => (c.rowSpan ?? 1) > 1).map((c) => c.text),
    ].filter(Boolean);
    for (const c of labels)
      if ((c.rowSpan ?? 1) > 1) spanning.push({ until: r + (c.rowSpan ?? 1) - 1, text: c.text });
    if (codes.length === 0) return;
    const label = own.join('');
    const keys =
      label === ''
        ? [labelKey(heads.join(''))]
        : [labelKey(label), labelKey([...context.slice(-1), label].join(''))];
    specs.push({ table: table.id, label, context, keys, codes });
  });
  return specs;
}

/** A 2021 report printing （六）其他处理 as one row, or a 2019 report printing its three rows. */
function otherRowAlternatives(format: ReportFormat): RowSpec[] {
  const rowsOf = (codes: readonly string[]) =>
    T3_COLUMNS.flatMap((c) => codes.map((row) => `t3.${row}.${c}`));
  const mine = format.outcomeRows.filter((r) => r.group === 'other').map((r) => r.code);
  const theirs = (format.id === '2021' ? OUTCOME_ROWS_2019 : OUTCOME_ROWS_2021).filter(
    (r) => r.group === 'other',
  );
  return theirs.map((row) => ({
    table: 't3',
    label: row.label,
    context: ['（六）其他处理'],
    keys: [labelKey(row.label), labelKey(`（六）其他处理${row.label}`)],
    codes: T3_COLUMNS.map((c) => `t3.${row.code}.${c}`),
    replaces: rowsOf(mine),
  }));
}

const cache = new Map<string, RowSpec[]>();

/**
 * Every value row of the format's tables 二, 三 and 四 in printed order, with the alternative
 * rows (六) placed just before the format's own (六) rows.
 */
export function rowSpecs(format: ReportFormat): RowSpec[] {
  const cached = cache.get(format.id);
  if (cached) return cached;
  const specs = format.tables(placeholderCells(format)).flatMap(tableRowSpecs);
  const firstOther = specs.findIndex(
    (s) => s.context.some((c) => c.includes('其他处理')) || s.label.includes('其他处理'),
  );
  const result = [...specs];
  if (firstOther >= 0) result.splice(firstOther, 0, ...otherRowAlternatives(format));
  cache.set(format.id, result);
  return result;
}
