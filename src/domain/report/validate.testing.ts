/** The seed report as the rules read it, and ways to break it: shared by the validate tests. */
import { expect } from 'vitest';
import { seedReport } from '../../../test/fixtures/seed-report.ts';
import { printedSections } from './build.ts';
import { formatById } from './formats/registry.ts';
import type { Cells, Severity } from './types.ts';
import { type ValidationInput, validateReport } from './validate.ts';

export const seed = seedReport();

/** The seed report as the rules read it: a fresh copy each time, ready to break. */
export function seedInput(): ValidationInput {
  return {
    format: formatById('2021'),
    year: 2021,
    agencyKind: 'development_zone',
    reportDeadline: '01-31',
    cells: { ...seed.cells },
    previousCells: seed.previousCells ? { ...seed.previousCells } : null,
    sections: printedSections(seed.narrative, formatById('2021')),
    publishedOn: '2022-01-28',
  };
}

export function broken(change: (input: ValidationInput) => void): ValidationInput {
  const input = seedInput();
  change(input);
  return input;
}

export const set =
  (values: Cells) =>
  (input: ValidationInput): void => {
    Object.assign(input.cells, values);
  };

/** The seed with the narrative of section 一 replaced by one sentence. */
export function saying(text: string, cells: Cells = {}): ValidationInput {
  return broken((input) => {
    Object.assign(input.cells, cells);
    input.sections = input.sections.map((s, i) => (i === 0 ? { ...s, text } : s));
  });
}

export const expectViolation = (
  input: ValidationInput,
  code: string,
  severity: Severity,
  cells: string[],
): void => {
  expect(validateReport(input)).toContainEqual(
    expect.objectContaining({ code, severity, cells: expect.arrayContaining(cells) }),
  );
};
