import { describe, expect, it } from 'vitest';
import { trendCharts, trendYear, trendYears } from './trends.ts';

const figures = (over: Partial<Parameters<typeof trendYear>[1]> = {}) => ({
  received: 10,
  decided: 8,
  medianWorkingDays: 12,
  correctionRate: null,
  published: 300,
  timelyRate: 0.9876,
  reports: { published: 3, overdue: 1, draft: 1 },
  ...over,
});

describe('the 工作台 trends', () => {
  it.each([
    [2025, 5, [2021, 2022, 2023, 2024, 2025]],
    [2026, 1, [2026]],
    [2022, 3, [2020, 2021, 2022]],
  ])('the %i years ending %i', (to, count, years) => {
    expect(trendYears(to, count)).toEqual(years);
  });

  it.each([
    [
      'rates as % with one decimal',
      figures({ correctionRate: 1 / 3 }),
      { correctionRate: 33.3, timelyRate: 98.8 },
    ],
    [
      'no rate when none concluded or published',
      figures({ timelyRate: null }),
      { correctionRate: null, timelyRate: null },
    ],
    [
      'a status no agency has counts 0',
      figures(),
      { reports: { none: 0, draft: 1, published: 3, overdue: 1 } },
    ],
  ])('a year: %s', (_, subtree, expected) => {
    expect(trendYear(2025, subtree)).toMatchObject({ year: 2025, ...expected });
  });

  it('draws five charts, each series over every year (null where a year has no value)', () => {
    const rows = [
      trendYear(2024, figures({ medianWorkingDays: null })),
      trendYear(2025, figures({ received: 14 })),
    ];
    const charts = trendCharts(rows);
    expect(charts.map((c) => [c.key, c.unit])).toEqual([
      ['requests', '件'],
      ['answer-days', '个工作日'],
      ['publications', '条'],
      ['rates', '%'],
      ['reports', '个机关'],
    ]);
    expect(charts[0]?.series).toEqual([
      { name: '收到申请', values: [10, 14] },
      { name: '已答复', values: [8, 8] },
    ]);
    expect(charts[1]?.series[0]?.values).toEqual([null, 12]);
    expect(charts[4]?.series.map((s) => s.values)).toEqual([
      [3, 3],
      [1, 1],
      [1, 1],
    ]);
  });
});
