/**
 * The three tables of the annual report (二, 三, 四) as renderer-neutral grids: HTML, DOCX and
 * any other renderer lay them out from this one model, merges included. The report's format
 * builds them (domain/report/formats); this module only asks it.
 */
import type { ReportFormat } from '../domain/report/format.ts';
import type { TableModel } from '../domain/report/table-model.ts';
import type { Cells } from '../domain/report/types.ts';

export type { GridCell, TableModel } from '../domain/report/table-model.ts';

/** The three tables of the report laid out as in its national format, header merges included. */
export function buildTables(cells: Cells, format: ReportFormat): TableModel[] {
  return format.tables(cells);
}
