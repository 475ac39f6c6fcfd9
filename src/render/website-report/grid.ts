/**
 * The 政府网站工作年度报表 as a grid, the way the template lays a table out (docs/website-report.md):
 * four columns — the section (信息发布 …, merged down its rows), the row's group (解读信息发布, 微博,
 * merged down its rows) or its label across two columns, the label under a group, and the value.
 * DOCX and XLSX are drawn from it.
 */
import type { FilledRow } from '../../domain/website-report/fill.ts';

export interface ReportCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** a label (bold in print), not a value */
  label?: boolean;
}

/** A row's label with its unit: 独立用户访问总量（单位：个）. */
export function labelWithUnit(row: Pick<FilledRow, 'label' | 'unit'>): string {
  return row.unit ? `${row.label}（单位：${row.unit}）` : row.label;
}

/** The value as printed: a number as is, a text as written, nothing when empty. */
export function valueText(row: Pick<FilledRow, 'value'>): string {
  return row.value === null ? '' : String(row.value);
}

/** The grid rows (cells covered by an earlier span omitted), header first. */
export function websiteReportGrid(filled: readonly FilledRow[]): ReportCell[][] {
  const grid: ReportCell[][] = [
    [
      { text: '类别', label: true },
      { text: '项目', label: true, colSpan: 2 },
      { text: '数据或情况', label: true },
    ],
  ];
  // a group named as its section (信息发布, 专栏专题) prints once, in the section's column
  const rows = filled.map((r) => (r.group === r.section ? { ...r, group: '' } : r));
  rows.forEach((row, i) => {
    const cells: ReportCell[] = [];
    if (i === 0 || rows[i - 1].section !== row.section)
      cells.push({
        text: row.section,
        label: true,
        rowSpan: rows.filter((r) => r.section === row.section).length,
      });
    if (!row.group) cells.push({ text: labelWithUnit(row), label: true, colSpan: 2 });
    else {
      const previous = rows[i - 1];
      if (!previous || previous.group !== row.group || previous.section !== row.section) {
        let span = 0;
        while (rows[i + span]?.group === row.group && rows[i + span]?.section === row.section) span++;
        cells.push({ text: row.group, label: true, rowSpan: span });
      }
      cells.push({ text: labelWithUnit(row), label: true });
    }
    cells.push({ text: valueText(row) });
    grid.push(cells);
  });
  return grid;
}
