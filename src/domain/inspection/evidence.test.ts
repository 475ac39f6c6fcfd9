import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalLine,
  type EvidenceRow,
  evidencePack,
  findingTexts,
  indicatorOrder,
  periodRefusal,
} from './evidence.ts';

const AGENCIES = [
  { code: 'a', name: '甲局' },
  { code: 'b', name: '乙局' },
];

function row(over: Partial<EvidenceRow>): EvidenceRow {
  return {
    agency: 'a',
    day: '2026-11-01',
    indicator: 'home.stale',
    value: 3,
    threshold: 14,
    state: 'ok',
    details: { lastPublishedOn: '2026-10-29' },
    ...over,
  };
}

const ROWS: EvidenceRow[] = [
  row({ day: '2026-11-03', value: 16, state: 'failed', details: { lastPublishedOn: '2026-10-18' } }),
  row({ day: '2026-11-01', value: 9, state: 'alarm' }),
  row({ day: '2026-11-02', value: 15, state: 'failed' }),
  row({ indicator: 'columns.blank', value: 1, threshold: 5, state: 'alarm', details: { columns: [] } }),
  row({ indicator: 'interpretation.ratio', value: 50, threshold: 100, state: 'alarm', details: {} }),
  row({
    indicator: 'interpretation.ratio',
    day: '2026-11-02',
    value: 80,
    threshold: 100,
    state: 'alarm',
    details: {},
  }),
  row({ agency: 'b', day: '2026-11-02', value: 2 }),
  row({ agency: 'x', day: '2026-11-02', value: 99, state: 'failed' }),
  row({ day: '2026-12-01', value: 40, state: 'failed' }),
];

describe('evidencePack', () => {
  const pack = evidencePack({ from: '2026-11-01', to: '2026-11-30', agencies: AGENCIES, rows: ROWS });
  const summary = (agency: string, indicator: string) =>
    pack.summaries.find((s) => s.agency === agency && s.indicator === indicator);

  it.each([
    ['days by state, days not run', 'a', 'home.stale', { ok: 0, alarm: 1, failed: 2, missing: 27 }],
    [
      'another agency of the subtree, its own days',
      'b',
      'home.stale',
      { ok: 1, alarm: 0, failed: 0, missing: 29 },
    ],
    [
      'an indicator the agency never stored: every day not run',
      'b',
      'columns.blank',
      { ok: 0, alarm: 0, failed: 0, missing: 30 },
    ],
  ])('%s', (_, agency, indicator, days) => {
    expect(summary(agency, indicator)?.days).toEqual(days);
  });

  it.each([
    ['the highest value of an indicator that trips above', 'home.stale', 16],
    ['the lowest value of one that trips below (解读比例)', 'interpretation.ratio', 50],
  ])('worst value: %s', (_, indicator, worst) => {
    expect(summary('a', indicator)?.worst).toBe(worst);
  });

  it('names the first and last 不合格 day inside the period only', () => {
    expect(summary('a', 'home.stale')).toMatchObject({
      firstFailedOn: '2026-11-02',
      lastFailedOn: '2026-11-03',
    });
  });

  it('leaves out rows outside the period and of agencies not in the pack', () => {
    expect(pack.rows.map((r) => `${r.agency} ${r.indicator} ${r.day}`)).toEqual([
      'a home.stale 2026-11-01',
      'a home.stale 2026-11-02',
      'a home.stale 2026-11-03',
      'a columns.blank 2026-11-01',
      'a interpretation.ratio 2026-11-01',
      'a interpretation.ratio 2026-11-02',
      'b home.stale 2026-11-02',
    ]);
  });

  it('lists the findings of days that were not 合格', () => {
    expect(
      pack.findings.filter((f) => f.indicator === 'home.stale').map((f) => `${f.day} ${f.text}`),
    ).toEqual([
      '2026-11-01 最近一次发布：2026-10-29',
      '2026-11-02 最近一次发布：2026-10-29',
      '2026-11-03 最近一次发布：2026-10-18',
    ]);
  });

  it('digests the canonical lines: the same data in any order gives the same SHA-256', () => {
    const again = evidencePack({
      from: '2026-11-01',
      to: '2026-11-30',
      agencies: AGENCIES,
      rows: [...ROWS].reverse(),
    });
    expect(again.digest).toBe(pack.digest);
    expect(pack.digest).toBe(createHash('sha256').update(pack.canonical.join('\n')).digest('hex'));
    const changed = evidencePack({
      from: '2026-11-01',
      to: '2026-11-30',
      agencies: AGENCIES,
      rows: ROWS.map((r) =>
        r.day === '2026-11-01' && r.indicator === 'home.stale' ? { ...r, value: 8 } : r,
      ),
    });
    expect(changed.digest).not.toBe(pack.digest);
  });
});

describe('canonicalLine', () => {
  it.each([
    ['details keys sorted at every level', { b: 1, a: { d: 2, c: 3 } }, '{"a":{"c":3,"d":2},"b":1}'],
    ['an empty finding', {}, '{}'],
  ])('%s', (_, details, json) => {
    expect(canonicalLine(row({ details }))).toBe(`a\t2026-11-01\thome.stale\t3\t14\tok\t${json}`);
  });
});

describe('findingTexts', () => {
  it.each([
    [
      'a stale column with its days overdue',
      {
        columns: [
          {
            name: '政务动态',
            columnClass: 'news',
            lastPublishedOn: '2026-10-01',
            freshUntil: '2026-10-15',
            daysLeft: -16,
          },
        ],
      },
      ['政务动态（动态要闻类）：最近更新 2026-10-01，应于 2026-10-15 前更新，已超期 16 天'],
    ],
    [
      'a blank column',
      {
        columns: [
          { name: '规划', columnClass: 'other', lastPublishedOn: null, freshUntil: null, daysLeft: null },
        ],
      },
      ['规划（其他）：无信息，也没有备注说明'],
    ],
    ['an item', { items: [{ id: 7, title: '关于某事的通知' }] }, ['关于某事的通知（信息 7）']],
    [
      'a year of 解读',
      { years: [{ year: 2026, policies: 4, interpreted: 2, ratio: 50 }] },
      ['2026年：规范性文件 4 件，已解读 2 件（50%）'],
    ],
    ['nothing ever published', { lastPublishedOn: null }, ['尚未发布任何信息']],
    [
      'an indicator another slice added: its fields in one line',
      { links: [{ url: 'https://example.org/x', page: '/items/3', status: 404 }] },
      ['url：https://example.org/x；page：/items/3；status：404'],
    ],
  ])('%s', (_, details, lines) => {
    expect(findingTexts(details)).toEqual(lines);
  });
});

describe('periodRefusal and indicatorOrder', () => {
  it.each([
    ['a month', '2026-11-01', '2026-11-30', null],
    ['one day', '2026-11-01', '2026-11-01', null],
    ['backwards', '2026-11-30', '2026-11-01', 'from'],
    ['367 days', '2025-11-01', '2026-11-02', 'to'],
  ])('%s', (_, from, to, field) => {
    expect(periodRefusal(from, to)?.field ?? null).toBe(field);
  });

  it('orders the known indicators as defined, then unknown codes alphabetically', () => {
    expect(indicatorOrder(['z.new', 'columns.blank', 'home.stale', 'a.new'])).toEqual([
      'home.stale',
      'columns.blank',
      'a.new',
      'z.new',
    ]);
  });
});
