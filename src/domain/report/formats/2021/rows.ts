/**
 * The rows and cells of the 2021 format (国办公开办函〔2021〕30号): table 二's columns, the 21 outcome
 * rows of table 三 (one per case outcome), every cell code. See shared/domain/report-format-2021.md.
 */
import type { OutcomeRow } from '../../format.ts';
import {
  NORMATIVE_KINDS,
  OUTCOME_LABELS,
  OUTCOME_PHRASES,
  OUTCOMES,
  outcomeGroup,
} from '../../vocabulary.ts';
import { t3RowsOf, t3t4CellCodes } from '../common.ts';

/** One row per case outcome, its code the outcome's, its label the outcome's. */
export const OUTCOME_ROWS_2021: readonly OutcomeRow[] = OUTCOMES.map((outcome) => ({
  code: outcome,
  group: outcomeGroup(outcome),
  label: OUTCOME_LABELS[outcome],
  phrase: OUTCOME_PHRASES[outcome],
  outcomes: [outcome],
}));

/** Table 二 (一): 本年制发件数, 本年废止件数, 现行有效件数. */
export const T2_NORMATIVE_COLUMNS = ['issued', 'repealed', 'valid'] as const;
export type T2NormativeColumn = (typeof T2_NORMATIVE_COLUMNS)[number];

/** The one cell that holds a decimal (万元, up to four places); every other cell is a whole number. */
export const DECIMAL_CELL = 't2.fees.amount_wan';

/** Table 三 rows, in order. */
export const T3_ROWS_2021: readonly string[] = t3RowsOf(OUTCOME_ROWS_2021);

/** Every cell code of the three tables, in the order of the format. */
export const CELL_CODES_2021: readonly string[] = [
  ...NORMATIVE_KINDS.flatMap((k) => T2_NORMATIVE_COLUMNS.map((c) => `t2.${k}.${c}`)),
  't2.license.decisions',
  't2.penalty.decisions',
  't2.enforcement.decisions',
  DECIMAL_CELL,
  ...t3t4CellCodes(OUTCOME_ROWS_2021),
];
