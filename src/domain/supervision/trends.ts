/**
 * The 工作台's trends year over year (issue 15): a subtree's figures for each of the last years —
 * requests received and answered (the requests open and overdue are today's, not a year's: the
 * 工作台's cards show them), the median working days to answer, the 纠错率, items
 * published and the share published on time (第二十六条), the reports' statuses — and the charts
 * drawn from them. Pure: the route reads each year's overview (read-overview.ts) and asks here.
 */
import { REPORT_YEAR_STATUSES, type ReportYearStatusCode } from '../report/year-status.ts';
import type { Figures } from './overview.ts';

/** How many years the trends cover at most (the 2019 report format starts with 2019's records). */
export const MAX_TREND_YEARS = 10;

export interface TrendYear {
  year: number;
  received: number;
  decided: number;
  medianWorkingDays: number | null;
  /** %, one decimal; null when no 复议/诉讼 concluded */
  correctionRate: number | null;
  published: number;
  /** %, one decimal; null when nothing was published */
  timelyRate: number | null;
  reports: Record<ReportYearStatusCode, number>;
}

export interface TrendChart {
  key: 'requests' | 'answer-days' | 'publications' | 'rates' | 'reports';
  title: string;
  unit: string;
  series: Array<{ name: string; values: Array<number | null> }>;
}

/** The `count` years ending with `to`, oldest first. */
export function trendYears(to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => to - count + 1 + i);
}

const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/** One year of the trends from the subtree's figures of that year. */
export function trendYear(
  year: number,
  subtree: Pick<
    Figures,
    'received' | 'decided' | 'medianWorkingDays' | 'correctionRate' | 'published' | 'timelyRate'
  > & { reports: Readonly<Record<string, number>> },
): TrendYear {
  return {
    year,
    received: subtree.received,
    decided: subtree.decided,
    medianWorkingDays: subtree.medianWorkingDays,
    correctionRate: percent(subtree.correctionRate),
    published: subtree.published,
    timelyRate: percent(subtree.timelyRate),
    reports: Object.fromEntries(REPORT_YEAR_STATUSES.map((s) => [s, subtree.reports[s] ?? 0])) as Record<
      ReportYearStatusCode,
      number
    >,
  };
}

/** The charts of the trends, each with its series over the years. */
export function trendCharts(rows: readonly TrendYear[]): TrendChart[] {
  const of = <T>(pick: (row: TrendYear) => T) => rows.map(pick);
  return [
    {
      key: 'requests',
      title: '政府信息公开申请',
      unit: '件',
      series: [
        { name: '收到申请', values: of((r) => r.received) },
        { name: '已答复', values: of((r) => r.decided) },
      ],
    },
    {
      key: 'answer-days',
      title: '答复用时（中位数）',
      unit: '个工作日',
      series: [{ name: '答复用时中位数', values: of((r) => r.medianWorkingDays) }],
    },
    {
      key: 'publications',
      title: '主动公开信息',
      unit: '条',
      series: [{ name: '发布信息', values: of((r) => r.published) }],
    },
    {
      key: 'rates',
      title: '按时公开率与纠错率',
      unit: '%',
      series: [
        { name: '按时公开率（20个工作日内）', values: of((r) => r.timelyRate) },
        { name: '复议诉讼纠错率', values: of((r) => r.correctionRate) },
      ],
    },
    {
      key: 'reports',
      title: '年度报告发布情况',
      unit: '个机关',
      series: [
        { name: '已发布', values: of((r) => r.reports.published) },
        { name: '逾期未发布', values: of((r) => r.reports.overdue) },
        { name: '草稿或未编制', values: of((r) => r.reports.draft + r.reports.none) },
      ],
    },
  ];
}
