import { describe, expect, it } from 'vitest';
import { type ReportYearFacts, reportYearStatus, reportYearsUpTo } from './year-status.ts';

const facts = (over: Partial<ReportYearFacts>): ReportYearFacts => ({
  year: 2025,
  today: '2026-01-15',
  agencyKind: 'department',
  ownDeadline: null,
  draftSaved: false,
  latest: null,
  ...over,
});

describe('reportYearStatus', () => {
  it.each<[string, Partial<ReportYearFacts>, string, string | null]>([
    ['nothing written before the deadline', {}, 'none', '2026-01-31'],
    ['a saved draft before the deadline', { draftSaved: true }, 'draft', '2026-01-31'],
    [
      'a draft on the last day (第四十九条: by 1月31日)',
      { draftSaved: true, today: '2026-01-31' },
      'draft',
      '2026-01-31',
    ],
    [
      'a draft the day after the deadline',
      { draftSaved: true, today: '2026-02-01' },
      'overdue',
      '2026-01-31',
    ],
    ['nothing written, past the deadline', { today: '2026-06-01' }, 'overdue', '2026-01-31'],
    [
      'published late is published',
      { today: '2026-06-01', latest: { version: 2, publishedOn: '2026-03-01' } },
      'published',
      '2026-01-31',
    ],
    [
      'a government: by 3月31日 (第四十九条第二款)',
      { agencyKind: 'government', today: '2026-03-01' },
      'none',
      '2026-03-31',
    ],
    [
      'a township without its own deadline is never overdue',
      { agencyKind: 'township', today: '2027-01-01' },
      'none',
      null,
    ],
    [
      'a township past its own deadline',
      { agencyKind: 'township', ownDeadline: '02-28', today: '2026-03-01' },
      'overdue',
      '2026-02-28',
    ],
  ])('%s', (_situation, over, status, deadline) => {
    const result = reportYearStatus(facts(over));
    expect(result.status).toBe(status);
    expect(result.deadline).toBe(deadline);
  });
});

describe('reportYearsUpTo', () => {
  it.each<[string, number[]]>([
    ['2021-06-01', [2020]],
    ['2026-01-15', [2025, 2024, 2023, 2022, 2021, 2020]],
    ['2020-12-31', []],
  ])('on %s: %j', (today, years) => {
    expect(reportYearsUpTo(today)).toEqual(years);
  });
});
