import { describe, expect, it } from 'vitest';
import {
  countedUpTo,
  decodeYearCounts,
  encodeYearCounts,
  type Freshness,
  freshness,
  MAYBE_STALE_MS,
  planRecount,
} from './kept.ts';
import { emptyCounts } from './overview.ts';

const COUNTED = '2026-03-16T02:00:00.000Z';
const minutesBefore = (m: number) => new Date(Date.parse(COUNTED) - m * 60_000).toISOString();

describe('a kept row’s freshness', () => {
  const kept = { seenEvent: 100, countedAt: COUNTED };
  it.each<[string, Parameters<typeof freshness>, Freshness]>([
    ['never counted', [undefined, { id: 5, at: COUNTED }, 0], 'missing'],
    ['no event ever', [kept, undefined, 0], 'fresh'],
    [
      'the agency’s latest event is the one the count saw',
      [kept, { id: 100, at: minutesBefore(60) }, 0],
      'fresh',
    ],
    ['an event of the agency after it', [kept, { id: 101, at: minutesBefore(60) }, 0], 'changed'],
    ['a calendar change after it', [kept, { id: 90, at: minutesBefore(60) }, 101], 'changed'],
    ['a calendar change the count saw', [kept, { id: 90, at: minutesBefore(60) }, 100], 'fresh'],
    [
      'the agency’s last event 5 minutes before the count',
      [kept, { id: 100, at: minutesBefore(5) }, 0],
      'maybe',
    ],
    [
      'exactly the window before',
      [kept, { id: 100, at: minutesBefore(MAYBE_STALE_MS / 60_000) }, 0],
      'maybe',
    ],
    [
      'a minute more than the window before',
      [kept, { id: 100, at: minutesBefore(MAYBE_STALE_MS / 60_000 + 1) }, 0],
      'fresh',
    ],
    // event numbers decide, not clocks: a changed row is changed whatever the event's recorded time
    [
      'a later event recorded with an earlier clock',
      [kept, { id: 102, at: '2020-01-01T00:00:00.000Z' }, 0],
      'changed',
    ],
  ])('%s → %s', (_, args, expected) => {
    expect(freshness(...args)).toBe(expected);
  });
});

describe('which agencies are counted while the reader waits', () => {
  const states = (list: Array<[number, Freshness]>) => new Map(list);
  it.each<[string, Array<[number, Freshness]>, number, { now: number[]; later: number[] }]>([
    [
      'all fresh: none',
      [
        [1, 'fresh'],
        [2, 'fresh'],
      ],
      100,
      { now: [], later: [] },
    ],
    [
      'missing ones always now',
      [
        [1, 'missing'],
        [2, 'missing'],
        [3, 'missing'],
      ],
      2,
      { now: [1, 2, 3], later: [] },
    ],
    [
      'changed up to the limit now, the rest later',
      [
        [1, 'changed'],
        [2, 'changed'],
        [3, 'changed'],
      ],
      2,
      { now: [1, 2], later: [3] },
    ],
    [
      'missing ones take the room first',
      [
        [1, 'changed'],
        [2, 'missing'],
      ],
      1,
      { now: [2], later: [1] },
    ],
    [
      'maybe ones later, never waited for',
      [
        [1, 'maybe'],
        [2, 'changed'],
      ],
      100,
      { now: [2], later: [1] },
    ],
  ])('%s', (_, list, limit, expected) => {
    expect(planRecount(states(list), limit)).toEqual(expected);
  });
});

describe('up to when every change is in', () => {
  it.each([
    ['nothing waits: when the rows were checked', [], COUNTED],
    ['the earliest count still waiting', [minutesBefore(30), minutesBefore(90)], minutesBefore(90)],
  ])('%s', (_, waiting, expected) => {
    expect(countedUpTo(COUNTED, waiting)).toBe(expected);
  });
});

describe('the 工作台’s counts as kept', () => {
  it('come back as they went, open and overdue left to be counted when asked', () => {
    const counts = emptyCounts();
    Object.assign(counts, { received: 12, open: 3, overdue: 1, published: 40, late: 2 });
    counts.outcomes.granted = 7;
    counts.answerDays.set(0, 2).set(15, 5);
    counts.reviews = { filed: 2, concluded: 1, corrected: 1 };
    counts.previous = { received: 9, published: 31 };
    const back = decodeYearCounts(encodeYearCounts(counts));
    expect(back).toEqual({ ...counts, open: 0, overdue: 0 });
    expect(JSON.parse(encodeYearCounts(counts))).not.toHaveProperty('open');
  });
  it('read a count missing from an older row as 0', () => {
    const back = decodeYearCounts('{"received":4,"outcomes":{"granted":1}}');
    expect(back).toEqual({
      ...emptyCounts(),
      received: 4,
      outcomes: { ...emptyCounts().outcomes, granted: 1 },
    });
  });
});
