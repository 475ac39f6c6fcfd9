import { describe, expect, it } from 'vitest';
import type { ReportYearStatus } from '../report/year-status.ts';
import { type AgencyCounts, buildOverview, emptyCounts, figuresOf, histogramMedian } from './overview.ts';

describe('histogramMedian', () => {
  it.each([
    ['nothing answered', [], null],
    ['one answer', [[12, 1]], 12],
    [
      'an odd count',
      [
        [3, 1],
        [9, 1],
        [20, 1],
      ],
      9,
    ],
    [
      'an even count: the lower middle',
      [
        [3, 1],
        [9, 1],
        [20, 1],
        [25, 1],
      ],
      9,
    ],
    [
      'counts weigh',
      [
        [1, 5],
        [30, 4],
      ],
      1,
    ],
    [
      'keys out of order',
      [
        [30, 4],
        [1, 1],
        [10, 2],
      ],
      30,
    ],
  ] as const)('%s', (_name, entries, median) => {
    expect(histogramMedian(new Map(entries as unknown as Array<[number, number]>))).toBe(median);
  });
});

describe('figuresOf', () => {
  it('derives the answered total, the 纠错率 over 复议 and 诉讼, and the timely rate', () => {
    const c = emptyCounts();
    c.outcomes.granted = 3;
    c.outcomes.denied = 1;
    c.reviews = { filed: 4, concluded: 3, corrected: 1 };
    c.suits = { filed: 2, concluded: 1, corrected: 1 };
    c.published = 10;
    c.late = 1;
    const f = figuresOf(c);
    expect(f.decided).toBe(4);
    expect(f.correctionRate).toBe(0.5);
    expect(f.timelyRate).toBe(0.9);
  });
  it('leaves rates null when there is nothing to divide by', () => {
    const f = figuresOf(emptyCounts());
    expect([f.correctionRate, f.timelyRate, f.medianWorkingDays]).toEqual([null, null, null]);
  });
});

describe('buildOverview', () => {
  const status = (s: ReportYearStatus['status']): ReportYearStatus => ({
    year: 2021,
    status: s,
    deadline: '2022-01-31',
    latest: null,
    draftSaved: false,
  });
  const counts = (received: number, days: Array<[number, number]>): AgencyCounts => {
    const c = emptyCounts();
    c.received = received;
    c.answerDays = new Map(days);
    return c;
  };
  const agencies = [
    { id: 1, code: 'prov', name: '省', parentId: null },
    { id: 3, code: 'b-city', name: '乙市', parentId: 1 },
    { id: 2, code: 'a-city', name: '甲市', parentId: 1 },
    { id: 4, code: 'a-county', name: '甲县', parentId: 2 },
  ];
  const rows = buildOverview(
    agencies,
    new Map([
      [2, counts(2, [[5, 2]])],
      [4, counts(3, [[20, 3]])],
      [3, counts(1, [[1, 1]])],
    ]),
    new Map([
      [1, status('none')],
      [2, status('published')],
      [3, status('overdue')],
      [4, status('draft')],
    ]),
  );

  it('walks the tree depth first, siblings by code', () => {
    expect(rows.map((r) => [r.agency.code, r.depth])).toEqual([
      ['prov', 0],
      ['a-city', 1],
      ['a-county', 2],
      ['b-city', 1],
    ]);
  });
  it('rolls counts, medians and report statuses up the tree', () => {
    const [prov, aCity] = rows;
    expect(aCity.own.received).toBe(2);
    expect(aCity.subtree).toMatchObject({ received: 5, agencies: 2, medianWorkingDays: 20 });
    expect(prov.subtree).toMatchObject({ received: 6, agencies: 4, medianWorkingDays: 5 });
    expect(prov.subtree.reports).toEqual({ none: 1, draft: 1, published: 1, overdue: 1 });
  });
});
