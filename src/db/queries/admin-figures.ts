/**
 * An agency-year's yearly figures (`admin_figures`) ↔ the domain's AdminFigures: the four every
 * year states, and the 2019 format's own, null in the row and absent in the domain when not stated.
 */
import { agrees } from '../../domain/money.ts';
import type { MoneyFigureKey, OptionalFigureKey } from '../../domain/report/figures.ts';
import type { AdminFigures } from '../../domain/report/types.ts';
import type { AdminFiguresTable } from '../schema.ts';

type FigureColumns = Omit<AdminFiguresTable, 'agency_id' | 'year'>;
type OptionalColumn = {
  [C in keyof FigureColumns]: null extends FigureColumns[C]
    ? FigureColumns[C] extends number | null
      ? C
      : never
    : never;
}[keyof FigureColumns];

/** The column of each count a year may leave unstated (the amount: procurement below). */
const OPTIONAL_COLUMNS: Record<Exclude<OptionalFigureKey, MoneyFigureKey>, OptionalColumn> = {
  licenseItemsPrev: 'license_items_prev',
  licenseItemsChange: 'license_items_change',
  otherServicesItemsPrev: 'other_services_items_prev',
  otherServicesItemsChange: 'other_services_items_change',
  otherServicesDecisions: 'other_services_decisions',
  penaltyItemsPrev: 'penalty_items_prev',
  penaltyItemsChange: 'penalty_items_change',
  enforcementItemsPrev: 'enforcement_items_prev',
  enforcementItemsChange: 'enforcement_items_change',
  feesItemsPrev: 'fees_items_prev',
  feesItemsChange: 'fees_items_change',
  procurementProjects: 'procurement_projects',
};
const OPTIONAL = Object.entries(OPTIONAL_COLUMNS) as Array<
  [Exclude<OptionalFigureKey, MoneyFigureKey>, OptionalColumn]
>;

/** PostgreSQL answers bigint as text. */
const num = (value: unknown): number => Number(value ?? 0);

/** The columns of figures (a figure not stated: null). */
export function figuresRow(f: AdminFigures): FigureColumns {
  const row: FigureColumns = {
    license_decisions: f.licenseDecisions,
    penalty_decisions: f.penaltyDecisions,
    enforcement_decisions: f.enforcementDecisions,
    fees_fen: f.feesFen,
    fees_wan_text: f.feesWan,
    license_items_prev: null,
    license_items_change: null,
    other_services_items_prev: null,
    other_services_items_change: null,
    other_services_decisions: null,
    penalty_items_prev: null,
    penalty_items_change: null,
    enforcement_items_prev: null,
    enforcement_items_change: null,
    fees_items_prev: null,
    fees_items_change: null,
    procurement_projects: null,
    procurement_amount_fen: f.procurementAmountFen ?? null,
    procurement_amount_yuan_text: f.procurementAmountYuan ?? null,
  };
  for (const [key, column] of OPTIONAL) row[column] = f[key] ?? null;
  return row;
}

/**
 * The figures of a row (a null column: the figure is absent). An amount's text must still read as
 * its 分 (they are written together): a row where they disagree is refused as corrupt.
 */
export function figuresOfRow(row: FigureColumns): AdminFigures {
  const figures: AdminFigures = {
    licenseDecisions: num(row.license_decisions),
    penaltyDecisions: num(row.penalty_decisions),
    enforcementDecisions: num(row.enforcement_decisions),
    feesFen: num(row.fees_fen),
    feesWan: row.fees_wan_text,
  };
  requireAgreement({ fen: figures.feesFen, text: figures.feesWan }, 'wan');
  for (const [key, column] of OPTIONAL) {
    const value = row[column];
    if (value !== null && value !== undefined) figures[key] = num(value);
  }
  if (row.procurement_amount_fen !== null && row.procurement_amount_fen !== undefined) {
    figures.procurementAmountFen = num(row.procurement_amount_fen);
    figures.procurementAmountYuan = row.procurement_amount_yuan_text ?? '';
    requireAgreement({ fen: figures.procurementAmountFen, text: figures.procurementAmountYuan }, 'yuan');
  }
  return figures;
}

function requireAgreement(amount: { fen: number; text: string }, unit: 'wan' | 'yuan'): void {
  if (!agrees(amount, unit))
    throw new Error(`admin_figures: the text “${amount.text}” does not read as ${amount.fen} 分 (${unit})`);
}
