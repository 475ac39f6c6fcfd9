import { yuanToWan } from '../money.ts';
import {
  APPLICANT_TYPES,
  type ApplicantType,
  NORMATIVE_KINDS,
  OUTCOMES,
  T2_NORMATIVE_COLUMNS,
  T4_GROUPS,
} from './codes.ts';
import type { Cells, YearFacts } from './types.ts';

type PerColumn = Record<ApplicantType, number>;

function putRow(cells: Cells, row: string, values: Partial<PerColumn>): void {
  let total = 0;
  for (const column of APPLICANT_TYPES) {
    const value = values[column] ?? 0;
    cells[`t3.${row}.${column}`] = value;
    total += value;
  }
  cells[`t3.${row}.total`] = total;
}

/**
 * Every cell of tables 二, 三 and 四 for one agency-year, computed from its aggregated records.
 * Year attribution (done by whoever builds the facts): 本年新收 by received date, 办理结果 by decided
 * date, 上年结转 = received before the year and undecided at its start, 结转下年度 = undecided at year
 * end; so R1 holds by construction. 总计 columns and rows are sums, so R3 and R4 hold too.
 */
export function computeCells(facts: YearFacts): Cells {
  const cells: Cells = {};
  for (const kind of NORMATIVE_KINDS) {
    for (const column of T2_NORMATIVE_COLUMNS) cells[`t2.${kind}.${column}`] = facts.normative[kind][column];
  }
  cells['t2.license.decisions'] = facts.admin?.licenseDecisions ?? 0;
  cells['t2.penalty.decisions'] = facts.admin?.penaltyDecisions ?? 0;
  cells['t2.enforcement.decisions'] = facts.admin?.enforcementDecisions ?? 0;
  cells['t2.fees.amount_wan'] = yuanToWan(facts.admin?.feesYuan ?? 0);

  const { requests } = facts;
  putRow(cells, 'new', requests.received);
  putRow(cells, 'carried_in', requests.carriedIn);
  const decidedTotal: PerColumn = zeroColumns();
  for (const outcome of OUTCOMES) {
    const row = requests.decided[outcome] ?? {};
    putRow(cells, outcome, row);
    for (const column of APPLICANT_TYPES) decidedTotal[column] += row[column] ?? 0;
  }
  putRow(cells, 'total', decidedTotal);
  putRow(cells, 'carried_out', requests.carriedOut);

  for (const group of T4_GROUPS) {
    const g = facts.reviews[group];
    cells[`t4.${group}.upheld`] = g.upheld;
    cells[`t4.${group}.corrected`] = g.corrected;
    cells[`t4.${group}.other`] = g.other;
    cells[`t4.${group}.pending`] = g.pending;
    cells[`t4.${group}.total`] = g.upheld + g.corrected + g.other + g.pending;
  }
  return cells;
}

/** A record with a zero for each applicant column. */
export function zeroColumns(): PerColumn {
  return Object.fromEntries(APPLICANT_TYPES.map((c) => [c, 0])) as PerColumn;
}

/** A cell's value as a number (the decimal cell parsed; missing cells are 0). */
export function cellNumber(cells: Cells, code: string): number {
  const value = cells[code];
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
