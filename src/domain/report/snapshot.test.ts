import { describe, expect, it } from 'vitest';
import { seedFacts, seedReport } from '../../../test/fixtures/seed-report.ts';
import { buildReport } from './build.ts';
import { freezeReport, publishedPrevious, thawReport } from './snapshot.ts';

describe('report snapshots', () => {
  it('thaws to the report that was frozen', () => {
    const report = seedReport();
    const snapshot = thawReport(freezeReport(report, seedFacts().current));
    expect(snapshot.report).toEqual(report);
    expect(snapshot.facts.year).toBe(2021);
  });

  it('stores the report’s format id', () => {
    const stored = JSON.parse(freezeReport(seedReport(), seedFacts().current));
    expect(stored.report.format).toBe('2021');
    const in2019 = { ...seedReport(), format: '2019' as const };
    expect(thawReport(freezeReport(in2019, seedFacts().current)).report.format).toBe('2019');
  });

  it('reads a snapshot frozen before formats were recorded as the 2021 format', () => {
    const stored = JSON.parse(freezeReport(seedReport(), seedFacts().current));
    delete stored.report.format;
    const old = thawReport(JSON.stringify(stored));
    expect(old.report.format).toBe('2021');
    expect(old.report).toEqual(seedReport());
  });

  it('refuses a text that is not a snapshot', () => {
    expect(() => thawReport('{"format":2}')).toThrow('not a report snapshot');
  });

  const nextYear = (override: Record<string, number>) => {
    const facts = seedFacts();
    const published = thawReport(freezeReport(seedReport(), facts.current));
    const cells = { ...published.report.cells, ...override };
    const next = { ...facts, year: 2022, current: { ...facts.current, year: 2022 }, previous: null };
    const previousPublished = { ...publishedPrevious(published), cells };
    return buildReport(next, { narrative: null, publishedOn: null, previousPublished });
  };

  it.each<[string, Record<string, number>, number]>([
    ['the published carry-over agrees with this year', {}, 0],
    [
      'the published carry-over differs',
      { 't3.carried_out.natural_person': 2, 't3.carried_out.total': 2 },
      2,
    ],
  ])('R7 compares with the published version: %s', (_situation, override, count) => {
    const report = nextYear(override);
    expect(report.previousCells).toMatchObject(override);
    expect(report.violations.filter((v) => v.code === 'R7')).toHaveLength(count);
  });

  it('R8 counts on from the published in-force count', () => {
    const r8 = nextYear({ 't2.normative.valid': 99 }).violations.filter((v) => v.code === 'R8');
    expect(r8).toEqual([
      expect.objectContaining({ cells: ['t2.normative.valid'], message: expect.stringContaining('应为') }),
    ]);
    const issued = seedReport().cells['t2.normative.issued'] as number;
    const repealed = seedReport().cells['t2.normative.repealed'] as number;
    expect(r8[0].message).toContain(`应为${99 + issued - repealed}`);
  });
});
