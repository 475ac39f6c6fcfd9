import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import {
  type DeadlineRule,
  describeDeadline,
  dueAfterEvent,
  parseDeadline,
  periodAt,
  periodDueOn,
} from './deadline.ts';
import { checkEntry } from './lapse.ts';

const calendar = createWorkCalendar({ base: chineseDaysData });

describe('公开时限 as catalogues write it', () => {
  it.each<[string, DeadlineRule, string]>([
    [
      '信息形成或变更之日起20个工作日内',
      { kind: 'after_event', event: '信息形成或变更', days: 20, unit: 'working' },
      '信息形成或变更之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '信息形成或者变更之日起20个工作日内',
      { kind: 'after_event', event: '信息形成或者变更', days: 20, unit: 'working' },
      '信息形成或者变更之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '自预算批复后20日内',
      { kind: 'after_event', event: '预算批复', days: 20, unit: 'calendar' },
      '预算批复之日起20日内（按事件计时，不按日期检查）',
    ],
    [
      '本级人民代表大会或其常务委员会批准后20日内',
      { kind: 'after_event', event: '本级人民代表大会或其常务委员会批准', days: 20, unit: 'calendar' },
      '本级人民代表大会或其常务委员会批准之日起20日内（按事件计时，不按日期检查）',
    ],
    [
      '20工作日',
      { kind: 'after_event', event: '', days: 20, unit: 'working' },
      '事项发生之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '信息形成（变更）二十个工作日内',
      { kind: 'after_event', event: '信息形成(变更)', days: 20, unit: 'working' },
      '信息形成(变更)之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '文件公开后3个工作日内',
      { kind: 'after_event', event: '文件公开', days: 3, unit: 'working' },
      '文件公开之日起3个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '项目批准后1个月内',
      { kind: 'after_event', event: '项目批准', days: 1, unit: 'month' },
      '项目批准之日起1个月内（按事件计时，不按日期检查）',
    ],
    [
      '每年9月底前',
      { kind: 'periodic', period: 'year', due: { at: 'date', month: 9, day: 'end' } },
      '每年9月底前',
    ],
    [
      '每年3月31日前',
      { kind: 'periodic', period: 'year', due: { at: 'date', month: 3, day: 31 } },
      '每年3月31日前',
    ],
    [
      '次年１月３１日前',
      { kind: 'periodic', period: 'year', due: { at: 'date', month: 1, day: 31 } },
      '每年1月31日前',
    ],
    ['每季度', { kind: 'periodic', period: 'quarter', due: { at: 'end' } }, '每季度结束前（当季度最后一日）'],
    [
      '按季度公开',
      { kind: 'periodic', period: 'quarter', due: { at: 'end' } },
      '每季度结束前（当季度最后一日）',
    ],
    [
      '每季度结束后15日内',
      { kind: 'periodic', period: 'quarter', due: { at: 'after_end', days: 15, unit: 'calendar' } },
      '每季度结束后15日内',
    ],
    [
      '年度终了后3个月内',
      { kind: 'periodic', period: 'year', due: { at: 'after_end', days: 3, unit: 'month' } },
      '每年结束后3个月内',
    ],
    [
      '每月10日前',
      { kind: 'periodic', period: 'month', due: { at: 'date', month: null, day: 10 } },
      '每月10日前',
    ],
    ['每月', { kind: 'periodic', period: 'month', due: { at: 'end' } }, '每月结束前（当月最后一日）'],
    ['每半年', { kind: 'periodic', period: 'half', due: { at: 'end' } }, '每半年结束前（当半年最后一日）'],
    ['实时', { kind: 'unchecked', reason: 'realtime' }, '无法自动检查：实时公开，没有固定日期'],
    ['实时公开', { kind: 'unchecked', reason: 'realtime' }, '无法自动检查：实时公开，没有固定日期'],
    ['长期公开', { kind: 'unchecked', reason: 'standing' }, '无法自动检查：长期公开，没有固定日期'],
    ['按要求及时公开', { kind: 'unchecked', reason: 'timely' }, '无法自动检查：“及时公开”没有具体期限'],
    ['及时公开', { kind: 'unchecked', reason: 'timely' }, '无法自动检查：“及时公开”没有具体期限'],
    ['同上', { kind: 'unchecked', reason: 'timely' }, '无法自动检查：“及时公开”没有具体期限'],
    ['视情况而定', { kind: 'unchecked', reason: 'unknown' }, '无法自动检查：未能识别期限'],
    ['', { kind: 'unchecked', reason: 'unknown' }, '无法自动检查：未能识别期限'],
  ])('“%s”', (text, rule, label) => {
    expect(parseDeadline(text)).toEqual(rule);
    expect(describeDeadline(parseDeadline(text))).toBe(label);
  });

  it.each([
    ['a quarter', 'quarter', '2026-05-20', 0, { start: '2026-04-01', end: '2026-06-30' }],
    [
      'the quarter before, across a year',
      'quarter',
      '2026-02-01',
      -1,
      { start: '2025-10-01', end: '2025-12-31' },
    ],
    ['a half year', 'half', '2026-09-01', 0, { start: '2026-07-01', end: '2026-12-31' }],
    ['February of a leap year', 'month', '2028-02-10', 0, { start: '2028-02-01', end: '2028-02-29' }],
  ] as const)('periods: %s', (_, kind, date, offset, span) => {
    expect(periodAt(kind, date, offset)).toEqual(span);
  });

  it('counts working days on the official calendar (国庆 2025: 10 working days after 09-30 is 10-21)', () => {
    const rule = parseDeadline('每季度结束后10个工作日内');
    if (rule.kind !== 'periodic') throw new Error('periodic expected');
    expect(periodDueOn(periodAt('quarter', '2025-08-01'), rule.due, calendar)).toBe('2025-10-21');
    const event = parseDeadline('信息形成或变更之日起20个工作日内');
    if (event.kind !== 'after_event') throw new Error('event expected');
    // 2026 春节: 20 working days after 01-30 fall on 03-05
    expect(dueAfterEvent(event, '2026-01-30', calendar)).toBe('2026-03-05');
  });
});

describe('标准目录事项逾期未公开 (an entry on the inspected day)', () => {
  const yearly = parseDeadline('每年9月底前');
  const quarterly = parseDeadline('每季度结束后15日内');
  it.each([
    ['nothing since the year began, 9月底 passed', yearly, [], '2026-10-03', 'lapsed', '2026-09-30', -3],
    [
      'published in June: fine until next year',
      yearly,
      ['2026-06-01'],
      '2026-10-03',
      'ok',
      '2027-09-30',
      362,
    ],
    ['nothing yet, 5 days before 9月底', yearly, ['2025-09-01'], '2026-09-25', 'alarm', '2026-09-30', 5],
    ['nothing yet, 8 days before 9月底', yearly, ['2025-09-01'], '2026-09-22', 'ok', '2026-09-30', 8],
    [
      'last quarter never published, its 15 days passed',
      quarterly,
      ['2026-03-01'],
      '2026-07-20',
      'lapsed',
      '2026-07-15',
      -5,
    ],
    [
      'last quarter due in 3 days, nothing since it began',
      quarterly,
      [],
      '2026-07-12',
      'alarm',
      '2026-07-15',
      3,
    ],
    [
      'an item after the day does not count',
      yearly,
      ['2026-10-05'],
      '2026-10-03',
      'lapsed',
      '2026-09-30',
      -3,
    ],
  ] as const)('%s', (_, rule, published, today, state, dueOn, daysLeft) => {
    expect(checkEntry(rule, published, true, today, calendar)).toMatchObject({ state, dueOn, daysLeft });
  });

  it('does not check by date what is timed from an event or has no date, nor an entry without columns', () => {
    expect(
      checkEntry(parseDeadline('信息形成或变更之日起20个工作日内'), [], true, '2026-10-03', calendar).state,
    ).toBe('unchecked');
    expect(checkEntry(parseDeadline('长期公开'), [], true, '2026-10-03', calendar).state).toBe('unchecked');
    expect(checkEntry(yearly, [], false, '2026-10-03', calendar).state).toBe('unmapped');
  });
});
