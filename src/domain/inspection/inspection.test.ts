import { describe, expect, it } from 'vitest';
import type { EntryCheckState } from '../catalog/lapse.ts';
import type { ColumnClass } from './column-classes.ts';
import { addMonths, freshUntil } from './days.ts';
import { INDICATOR_CODES, INDICATORS, thresholdLabel } from './indicators.ts';

const INDICATORS_COUNT = INDICATOR_CODES.length;

import { type InspectedColumn, type InspectionInput, inspect, stateCounts, vetoed } from './inspect.ts';

const TODAY = '2026-12-06';

function column(
  code: string,
  columnClass: ColumnClass,
  lastPublishedOn: string | null,
  extra: Partial<InspectedColumn> = {},
): InspectedColumn {
  return {
    scope: 'column',
    code,
    name: `栏目${code}`,
    columnClass,
    frequencyDays: null,
    count: lastPublishedOn ? 3 : 0,
    lastPublishedOn,
    note: '',
    ...extra,
  };
}

function input(over: Partial<InspectionInput>): InspectionInput {
  return {
    today: TODAY,
    columns: [],
    lastPublishedOn: TODAY,
    policies: [],
    policiesByYear: [],
    interpretations: [],
    links: { checkedOn: TODAY, dead: [] },
    ...over,
  };
}

const one = (over: Partial<InspectionInput>, code: string) => {
  const found = inspect(input(over)).find((r) => r.indicator === code);
  if (!found) throw new Error(code);
  return found;
};

/** n columns of a class, each last updated on `lastPublishedOn` (null: never). */
const columns = (n: number, columnClass: ColumnClass, lastPublishedOn: string | null) =>
  Array.from({ length: n }, (_, i) => column(`c${i}`, columnClass, lastPublishedOn));

describe('calendar arithmetic', () => {
  it.each([
    ['a plain month', '2026-06-06', 6, '2026-12-06'],
    ['the 31st into a 28-day February', '2026-08-31', 6, '2027-02-28'],
    ['into a leap February', '2027-08-31', 6, '2028-02-29'],
    ['across the year back', '2026-03-15', -6, '2025-09-15'],
  ])('%s: %s + %i months = %s', (_, date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('keeps a column fresh 14 days, or 6 calendar months', () => {
    expect(freshUntil('2026-11-22', { days: 14 })).toBe('2026-12-06');
    expect(freshUntil('2026-06-06', { months: 6 })).toBe('2026-12-06');
  });
});

describe('首页不更新 (veto above 14 days; 预警 from 7)', () => {
  it.each([
    ['updated today', TODAY, 0, 'ok'],
    ['6 days ago', '2026-11-30', 6, 'ok'],
    ['7 days ago: 7 days before it trips', '2026-11-29', 7, 'alarm'],
    ['13 days ago', '2026-11-23', 13, 'alarm'],
    ['14 days ago: exactly two weeks, not more', '2026-11-22', 14, 'alarm'],
    ['15 days ago: more than two weeks', '2026-11-21', 15, 'failed'],
  ])('%s', (_, last, days, state) => {
    const r = one({ lastPublishedOn: last }, 'home.stale');
    expect([r.value, r.state, r.veto]).toEqual([days, state, true]);
  });

  it('fails a site with nothing published', () => {
    expect(one({ lastPublishedOn: null }, 'home.stale')).toMatchObject({ value: null, state: 'failed' });
  });
});

describe('栏目不更新 (动态要闻 2 weeks, 通知公告/政策文件 6 months; veto at 5)', () => {
  it.each([
    ['4 news columns 15 days old', columns(4, 'news', '2026-11-21'), 4, 'ok'],
    ['5 news columns 13 days old', columns(5, 'news', '2026-11-23'), 0, 'alarm'],
    ['5 news columns 14 days old', columns(5, 'news', '2026-11-22'), 0, 'alarm'],
    ['5 news columns 15 days old', columns(5, 'news', '2026-11-21'), 5, 'failed'],
    ['5 news columns 6 days old', columns(5, 'news', '2026-11-30'), 0, 'ok'],
    ['5 notice columns exactly 6 months old', columns(5, 'notice', '2026-06-06'), 0, 'alarm'],
    ['5 policy columns 6 months and a day old', columns(5, 'policy', '2026-06-05'), 5, 'failed'],
    ['5 notice columns 6 months less 8 days old', columns(5, 'notice', '2026-06-14'), 0, 'ok'],
    ['5 notice columns 6 months less 7 days old', columns(5, 'notice', '2026-06-13'), 0, 'alarm'],
    ['5 other columns without a frequency, years old', columns(5, 'other', '2020-01-01'), 0, 'ok'],
    [
      '3 stale and 2 stale within the week',
      [
        ...columns(3, 'news', '2026-11-01'),
        column('x', 'news', '2026-11-28'),
        column('y', 'notice', '2026-06-10'),
      ],
      3,
      'alarm',
    ],
  ])('%s', (_, list, value, state) => {
    const r = one({ columns: list }, 'columns.stale');
    expect([r.value, r.state]).toEqual([value, state]);
  });

  it('lists the columns stale or stale within 7 days with their last fresh day', () => {
    const r = one(
      { columns: [column('a', 'news', '2026-11-01'), column('b', 'news', TODAY)] },
      'columns.stale',
    );
    expect(r.details.columns).toEqual([
      {
        scope: 'column',
        code: 'a',
        name: '栏目a',
        columnClass: 'news',
        lastPublishedOn: '2026-11-01',
        freshUntil: '2026-11-15',
        daysLeft: -21,
      },
    ]);
  });

  it('does not count an empty column as stale (it is blank, or not, by its note)', () => {
    expect(
      one({ columns: columns(5, 'news', '2026-11-01').map((c) => ({ ...c, count: 0 })) }, 'columns.stale')
        .value,
    ).toBe(0);
  });
});

describe('应更新但长期未更新 (an other column past its own frequency; veto at 10)', () => {
  const lapsed = (n: number, last: string, frequencyDays: number | null) =>
    columns(n, 'other', last).map((c) => ({ ...c, frequencyDays }));
  it.each([
    ['9 columns past 30 days', lapsed(9, '2026-11-01', 30), 9, 'ok'],
    ['10 columns past 30 days', lapsed(10, '2026-11-01', 30), 10, 'failed'],
    ['10 columns at 30 days exactly', lapsed(10, '2026-11-06', 30), 0, 'alarm'],
    ['10 columns with no frequency', lapsed(10, '2020-11-01', null), 0, 'ok'],
  ])('%s', (_, list, value, state) => {
    const r = one({ columns: list }, 'columns.lapsed');
    expect([r.value, r.state]).toEqual([value, state]);
  });
});

describe('空白栏目 (empty without a note; veto at 5)', () => {
  const blank = (n: number, note = '') => columns(n, 'other', null).map((c) => ({ ...c, note }));
  it.each([
    ['none', [column('a', 'news', TODAY)], 0, 'ok'],
    ['one', blank(1), 1, 'alarm'],
    ['four', blank(4), 4, 'alarm'],
    ['five', blank(5), 5, 'failed'],
    ['five with their 备注说明', blank(5, '本机关无此类事项'), 0, 'ok'],
    ['five whose note is only spaces', blank(5, '  '), 5, 'failed'],
  ])('%s', (_, list, value, state) => {
    const r = one({ columns: list }, 'columns.blank');
    expect([r.value, r.state]).toEqual([value, state]);
  });
});

describe('解读', () => {
  it('fails (without veto) each policy document in force without an interpretation', () => {
    const r = one(
      {
        policies: [
          { id: 1, title: '甲办法', publishedOn: '2026-01-05', interpretations: 1 },
          { id: 2, title: '乙规定', publishedOn: '2026-02-05', interpretations: 0 },
        ],
      },
      'interpretation.missing',
    );
    expect(r).toMatchObject({
      value: 1,
      state: 'failed',
      veto: false,
      details: { items: [{ id: 2, title: '乙规定' }] },
    });
  });

  it.each([
    ['pointing at a published policy', 7, true, 0],
    ['pointing at nothing', null, false, 1],
    ['pointing at a withdrawn document', 7, false, 1],
  ])('an interpretation %s', (_, policyId, policyPublished, value) => {
    const r = one(
      { interpretations: [{ id: 9, title: '解读', policyId, policyPublished }] },
      'interpretation.unlinked',
    );
    expect(r.value).toBe(value);
  });

  it.each([
    ['all interpreted this year', [{ year: 2026, policies: 4, interpreted: 4 }], 100, 'ok'],
    ['3 of 4 this year', [{ year: 2026, policies: 4, interpreted: 3 }], 75, 'alarm'],
    ['1 of 3 this year', [{ year: 2026, policies: 3, interpreted: 1 }], 33.3, 'alarm'],
    [
      'none this year (last year’s gap is history)',
      [{ year: 2025, policies: 2, interpreted: 0 }],
      null,
      'ok',
    ],
  ])('解读比例: %s', (_, policiesByYear, value, state) => {
    const r = one({ policiesByYear }, 'interpretation.ratio');
    expect([r.value, r.state]).toEqual([value, state]);
  });
});

describe('政务新媒体 silence', () => {
  const account = (id: number, openedOn: string, lastPostedOn: string | null) => ({
    id,
    name: `账号${id}`,
    platformLabel: '微信公众号',
    openedOn,
    lastPostedOn,
  });
  it.each([
    ['no account', [], 0, 'ok', []],
    ['posted 6 days ago', [account(1, '2025-01-01', '2026-11-30')], 0, 'ok', []],
    [
      'posted 7 days ago: 预警, 7 days left',
      [account(1, '2025-01-01', '2026-11-29')],
      0,
      'alarm',
      [[1, 7, 7]],
    ],
    [
      'posted 13 days ago: 预警, 1 day left',
      [account(1, '2025-01-01', '2026-11-23')],
      0,
      'alarm',
      [[1, 13, 1]],
    ],
    ['posted 14 days ago: 不合格', [account(1, '2025-01-01', '2026-11-22')], 1, 'failed', [[1, 14, 0]]],
    ['never posted, opened 20 days ago', [account(1, '2026-11-16', null)], 1, 'failed', [[1, 20, 0]]],
    ['never posted, opened 3 days ago', [account(1, '2026-12-03', null)], 0, 'ok', []],
    [
      'a posting before its (re)opening counts from the opening',
      [account(1, '2026-12-01', '2026-10-01')],
      0,
      'ok',
      [],
    ],
    [
      'the most silent first',
      [
        account(1, '2025-01-01', '2026-11-28'),
        account(2, '2025-01-01', '2026-10-01'),
        account(3, '2025-01-01', TODAY),
      ],
      1,
      'failed',
      [
        [2, 66, 0],
        [1, 8, 6],
      ],
    ],
  ])('%s', (_, accounts, value, state, named) => {
    const r = one({ accounts }, 'newmedia.silent');
    expect([r.value, r.state, r.veto]).toEqual([value, state, true]);
    expect(r.details.accounts?.map((a) => [a.id, a.days, a.daysToVeto])).toEqual(named);
  });
});

describe('the day as a whole', () => {
  it('is vetoed by a veto indicator only', () => {
    const interpretations = [{ id: 9, title: '解读', policyId: null, policyPublished: false }];
    expect(vetoed(inspect(input({ interpretations })))).toBe(false);
    const results = inspect(input({ lastPublishedOn: '2026-10-01', interpretations }));
    expect(vetoed(results)).toBe(true);
    // failed: the home page (a veto) and the unlinked 解读
    expect(stateCounts(results)).toEqual({ ok: INDICATORS_COUNT - 2, alarm: 0, failed: 2, vetoed: 1 });
  });

  it('says each threshold in words', () => {
    expect(thresholdLabel(INDICATORS['home.stale'])).toBe('超过14天');
    expect(thresholdLabel(INDICATORS['columns.blank'])).toBe('5个及以上');
    expect(thresholdLabel(INDICATORS['interpretation.ratio'])).toBe('低于100%');
  });
});

describe('标准目录事项逾期未公开 (catalog.lapsed: not a veto)', () => {
  const entry = (id: number, state: EntryCheckState, dueOn: string | null, daysLeft: number | null) => ({
    id,
    title: `事项${id}`,
    deadline: '每年9月底前',
    check: { state, periodStart: dueOn ? '2026-01-01' : null, dueOn, daysLeft, lastPublishedOn: null },
  });
  it.each([
    ['no catalogue', [], 0, 'ok'],
    ['every entry in time', [entry(1, 'ok', '2027-09-30', 298)], 0, 'ok'],
    ['one due within 7 days with nothing yet', [entry(1, 'alarm', '2026-12-10', 4)], 0, 'alarm'],
    ['one lapsed', [entry(1, 'lapsed', '2026-09-30', -67), entry(2, 'alarm', '2026-12-10', 4)], 1, 'failed'],
    [
      'entries not checked by date or without columns',
      [entry(1, 'unchecked', null, null), entry(2, 'unmapped', null, null)],
      0,
      'ok',
    ],
  ] as const)('%s', (_, catalog, value, state) => {
    const r = one({ catalog }, 'catalog.lapsed');
    expect([r.value, r.state, r.veto]).toEqual([value, state, false]);
    expect(r.details.entries?.map((e) => e.id)).toEqual(
      catalog.filter((e) => e.check.state === 'lapsed' || e.check.state === 'alarm').map((e) => e.id),
    );
  });
  it('counts what it does not check by date', () => {
    const r = one(
      { catalog: [entry(1, 'unchecked', null, null), entry(2, 'unmapped', null, null)] },
      'catalog.lapsed',
    );
    expect(r.details.catalog).toEqual({ entries: 2, unchecked: 1, unmapped: 1 });
    expect(vetoed(inspect(input({ catalog: [entry(1, 'lapsed', '2026-09-30', -67)] })))).toBe(false);
  });
});
