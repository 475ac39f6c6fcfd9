import type { Cells } from './types.ts';
import { APPLICANT_TYPES, type ApplicantType } from './vocabulary.ts';

/** A record with a zero for each applicant column. */
export function zeroColumns(): Record<ApplicantType, number> {
  return Object.fromEntries(APPLICANT_TYPES.map((c) => [c, 0])) as Record<ApplicantType, number>;
}

/** A cell's value as a number (the decimal cell parsed; missing cells are 0). */
export function cellNumber(cells: Cells, code: string): number {
  const value = cells[code];
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
