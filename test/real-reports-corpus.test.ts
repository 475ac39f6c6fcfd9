/**
 * The corpus of real published annual reports (test/fixtures/real-reports, issue 14) is well formed:
 * each `<slug>.expected.json` names a fixture file that exists, accounts for every cell of its
 * format exactly once (read in `cells`, or in `unreadable` with the reason), and holds only values a
 * cell of that format can take. The reader's own tests assert the values; this one keeps the
 * expectations honest while nobody reads them yet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FORMAT_IDS } from '../src/domain/report/format.ts';
import { formatById } from '../src/domain/report/formats/registry.ts';

const DIR = join(import.meta.dirname, 'fixtures/real-reports');
const RULES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] as const;

const Expected = z.strictObject({
  source: z.string().min(1),
  retrieved: z.iso.date(),
  agency: z.string().min(1).nullable(),
  level: z.enum(['province', 'city', 'county', 'township', 'department', 'national']),
  year: z.int().min(2019).max(2025),
  format: z.enum(FORMAT_IDS),
  publishedOn: z.iso.date().nullable(),
  cells: z.record(z.string(), z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/), z.null()])),
  unreadable: z.record(z.string(), z.string().min(1)),
  expectedFindings: z.array(
    z.strictObject({ rule: z.enum(RULES), cells: z.array(z.string()).optional(), why: z.string().min(1) }),
  ),
  notes: z.string(),
});

const slugs = readdirSync(DIR)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.slice(0, -'.expected.json'.length))
  .sort();

const FIXTURE = /\.(txt|md|html)$/;

/** The report texts: every .txt, .md or .html file but the corpus's README. */
const fixtures = readdirSync(DIR).filter((name) => FIXTURE.test(name) && name !== 'README.md');

function fixtureOf(slug: string): string[] {
  return fixtures.filter((name) => name.replace(FIXTURE, '') === slug);
}

describe('the real-reports corpus', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(fixtures.map((name) => name.replace(FIXTURE, '')).sort()).toEqual(slugs);
    expect(slugs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(slugs)('%s: well formed, every cell of its format accounted for once', (slug) => {
    const expected = Expected.parse(JSON.parse(readFileSync(join(DIR, `${slug}.expected.json`), 'utf8')));
    const [file, ...more] = fixtureOf(slug);
    expect(more).toEqual([]);
    expect(file && existsSync(join(DIR, file))).toBe(true);
    expect(expected.format).toBe(expected.year <= 2020 ? '2019' : '2021');

    const format = formatById(expected.format);
    const read = Object.keys(expected.cells);
    const unreadable = Object.keys(expected.unreadable);
    expect([...read, ...unreadable].filter((code) => !format.cellCodes.includes(code))).toEqual([]);
    expect(read.filter((code) => unreadable.includes(code))).toEqual([]);
    expect([...read, ...unreadable].sort()).toEqual([...format.cellCodes].sort());

    for (const [code, value] of Object.entries(expected.cells)) {
      if (value === null) continue;
      if (format.decimalCells.includes(code)) {
        // 万元 exactly as printed: a decimal string
        expect(typeof value, code).toBe('string');
      } else {
        expect(Number.isInteger(value), code).toBe(true);
        if (!format.signedCells.includes(code)) expect(value as number, code).toBeGreaterThanOrEqual(0);
      }
    }
    for (const finding of expected.expectedFindings) {
      expect((finding.cells ?? []).filter((code) => !format.cellCodes.includes(code))).toEqual([]);
    }
  });
});
