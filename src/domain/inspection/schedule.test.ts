import { describe, expect, it } from 'vitest';
import { todayInChina } from '../dates.ts';
import { DEFAULT_DAILY_TIME, dueToday, nextRunAt, parseDailyTime } from './schedule.ts';

describe('the daily 网站自查 time', () => {
  it.each([
    [undefined, DEFAULT_DAILY_TIME],
    ['', DEFAULT_DAILY_TIME],
    ['02:00', { hour: 2, minute: 0 }],
    ['7:05', { hour: 7, minute: 5 }],
    ['23:59', { hour: 23, minute: 59 }],
    ['off', null],
    ['OFF', null],
  ])('reads %j', (text, expected) => {
    expect(parseDailyTime(text)).toEqual(expected);
  });

  it.each(['24:00', '12:60', 'noon', '2', '02:00:00', '-1:00'])(
    'refuses %j in Chinese, naming the setting',
    (text) => {
      const parsed = parseDailyTime(text);
      expect(parsed).toHaveProperty('error');
      expect((parsed as { error: string }).error).toContain('GONGKAI_DAILY_INSPECTION（每日网站自查的时间）');
      expect((parsed as { error: string }).error).toContain(`收到“${text}”`);
    },
  );
});

describe('when it runs (China time, UTC+8)', () => {
  const at2 = { hour: 2, minute: 0 };
  it.each([
    // instant (UTC)          China day      due today?  next run (UTC)
    ['2026-12-06T17:59:00Z', '2026-12-07', false, '2026-12-06T18:00:00.000Z'],
    ['2026-12-06T18:00:00Z', '2026-12-07', true, '2026-12-07T18:00:00.000Z'],
    ['2026-12-07T01:00:00Z', '2026-12-07', true, '2026-12-07T18:00:00.000Z'],
    ['2026-12-07T15:59:59Z', '2026-12-07', true, '2026-12-07T18:00:00.000Z'],
    ['2026-12-07T16:00:00Z', '2026-12-08', false, '2026-12-07T18:00:00.000Z'],
    ['2026-12-31T20:00:00Z', '2027-01-01', true, '2027-01-01T18:00:00.000Z'],
  ])('at %s (China %s): due %s, next %s', (now, day, due, next) => {
    const instant = new Date(now);
    expect(todayInChina(instant)).toBe(day);
    expect(dueToday(instant, at2)).toBe(due);
    expect(nextRunAt(instant, at2).toISOString()).toBe(next);
  });

  it('runs at 23:30 China time on the same China day', () => {
    const late = { hour: 23, minute: 30 };
    expect(nextRunAt(new Date('2026-12-07T10:00:00Z'), late).toISOString()).toBe('2026-12-07T15:30:00.000Z');
    expect(dueToday(new Date('2026-12-07T15:30:00Z'), late)).toBe(true);
  });
});
