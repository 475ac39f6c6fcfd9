/**
 * A region's consolidated statistics (issue 15, docs/supervision.md): the report format's tables for
 * all agencies of a subtree together — each cell the sum of the agencies' cells (amounts added in 分
 * and printed back in the cell's unit, 万元 or 元), checked by the format's table rules (R1–R8 of
 * validate.ts; R9 and R10 read a report's text, which a consolidation has none of). Pure.
 */
import { fenToWan, fenToYuan, wanToFen, yuanToFen } from '../money.ts';
import type { ReportFormat } from '../report/format.ts';
import type { Cells, Violation } from '../report/types.ts';
import { RULES, type ValidationInput } from '../report/validate.ts';

/** The rules that read only the tables. */
const TABLE_RULES = new Set(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8']);

/**
 * The cells of several agency-years added up. A cell no agency states (an optional one of the 2019
 * format) stays out; an amount that is not a readable amount is left out of the sum, and named in
 * `unread` so the caller can say which agency's figure could not be added.
 */
export function consolidateCells(
  format: ReportFormat,
  reports: ReadonlyArray<{ agency: string; cells: Cells }>,
): { cells: Cells; unread: Array<{ agency: string; cell: string }> } {
  const cells: Cells = {};
  const unread: Array<{ agency: string; cell: string }> = [];
  const decimal = new Set(format.decimalCells);
  const yuan = new Set(format.yuanCells);
  for (const code of format.cellCodes) {
    let stated = false;
    let sum = 0;
    for (const report of reports) {
      const value = report.cells[code];
      if (value === undefined || value === null || value === '') continue;
      if (decimal.has(code) || yuan.has(code)) {
        const fen = decimal.has(code) ? wanToFen(String(value)) : yuanToFen(String(value));
        if (fen === null) {
          unread.push({ agency: report.agency, cell: code });
          continue;
        }
        sum += fen;
      } else sum += Number(value);
      stated = true;
    }
    if (!stated) continue;
    cells[code] = decimal.has(code) ? fenToWan(sum) : yuan.has(code) ? fenToYuan(sum) : sum;
  }
  return { cells, unread };
}

/** The table rules on consolidated cells (the previous year's consolidation for R7 and R8, when given). */
export function consolidatedViolations(
  format: ReportFormat,
  year: number,
  cells: Cells,
  previousCells: Cells | null,
): Violation[] {
  const input: ValidationInput = {
    format,
    year,
    agencyKind: 'government',
    cells,
    previousCells,
    sections: [],
    publishedOn: null,
  };
  return RULES.filter((r) => TABLE_RULES.has(r.code) && r.formats.includes(format.id)).flatMap((r) =>
    r.check(input),
  );
}
