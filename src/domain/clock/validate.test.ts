import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import type { ClockEvent } from '../requests/clock-events.ts';
import { computeClock } from './compute-clock.ts';
import { ClockError, type ClockProblemCode } from './problems.ts';
import { validateClockEvents } from './validate.ts';

const calendar = createWorkCalendar({ base: chineseDaysData });
const today = '2025-12-31';

describe('validateClockEvents', () => {
  it.each<[string, string, ClockEvent[], ClockProblemCode, string, string]>([
    [
      'a correction asked on the 8th working day (National Day 2025 between)',
      '2025-09-26',
      [{ type: 'correction_requested', on: '2025-10-14' }],
      'correction_too_late',
      'events[0].on',
      '最迟 2025-10-13',
    ],
    [
      'a second correction notice',
      '2025-09-26',
      [
        { type: 'correction_requested', on: '2025-09-29' },
        { type: 'correction_received', on: '2025-09-30' },
        { type: 'correction_requested', on: '2025-10-09' },
      ],
      'correction_repeated',
      'events[2].type',
      '只能发出一次',
    ],
    [
      'an extension of 21 working days',
      '2025-03-03',
      [{ type: 'extended', on: '2025-03-20', days: 21 }],
      'extension_over_limit',
      'events[0].days',
      '第三十三条',
    ],
    [
      'two extensions adding up to 21',
      '2025-03-03',
      [
        { type: 'extended', on: '2025-03-20', days: 10 },
        { type: 'extended', on: '2025-04-10', days: 11 },
      ],
      'extension_over_limit',
      'events[1].days',
      '累计已达 21',
    ],
    [
      'an extension of 0 days',
      '2025-03-03',
      [{ type: 'extended', on: '2025-03-20', days: 0 }],
      'invalid_days',
      'events[0].days',
      '整数',
    ],
    [
      'an event before receipt',
      '2025-03-03',
      [{ type: 'decided', on: '2025-03-02' }],
      'before_received',
      'events[0].on',
      '早于收到申请日期',
    ],
    [
      'an event after today',
      '2025-03-03',
      [{ type: 'decided', on: '2026-01-02' }],
      'after_today',
      'events[0].on',
      '晚于今天',
    ],
    [
      'an impossible date',
      '2025-03-03',
      [{ type: 'fee_notice', on: '2025-02-29' }],
      'invalid_date',
      'events[0].on',
      'YYYY-MM-DD',
    ],
    [
      'a correction period ending before it starts',
      '2025-03-03',
      [{ type: 'correction_requested', on: '2025-03-04', until: '2025-03-04' }],
      'until_not_after_on',
      'events[0].until',
      '应晚于',
    ],
    [
      'a reply with no letter',
      '2025-03-03',
      [{ type: 'consultation_replied', on: '2025-03-05' }],
      'not_awaited',
      'events[0].type',
      '没有发出征求意见',
    ],
    [
      'a payment with no fee notice',
      '2025-03-03',
      [{ type: 'fee_paid', on: '2025-03-05' }],
      'not_awaited',
      'events[0].type',
      '没有收费通知',
    ],
    [
      'a correction received unasked',
      '2025-03-03',
      [{ type: 'correction_received', on: '2025-03-05' }],
      'not_awaited',
      'events[0].type',
      '没有补正通知',
    ],
    [
      'a second letter while the first is awaited',
      '2025-03-03',
      [
        { type: 'consultation_sent', on: '2025-03-04' },
        { type: 'consultation_sent', on: '2025-03-10' },
      ],
      'already_open',
      'events[1].type',
      '尚未了结',
    ],
    [
      'anything after the decision',
      '2025-03-03',
      [
        { type: 'decided', on: '2025-03-10' },
        { type: 'fee_notice', on: '2025-03-11' },
      ],
      'after_decided',
      'events[1].type',
      '已办结',
    ],
    [
      'a second letter while the first one’s receipt is not recorded (第三十二条)',
      '2025-03-03',
      [
        { type: 'consultation_sent', on: '2025-03-04' },
        { type: 'consultation_sent', on: '2025-04-28' },
      ],
      'already_open',
      'events[1].type',
      '尚未了结',
    ],
    [
      'a fee notice received before it was sent',
      '2025-03-03',
      [{ type: 'fee_notice', on: '2025-03-10', deliveredOn: '2025-03-07' }],
      'delivered_before_sent',
      'events[0].deliveredOn',
      '早于发出日期',
    ],
    [
      'a consultation letter received after today',
      '2025-03-03',
      [{ type: 'consultation_sent', on: '2025-03-10', deliveredOn: '2099-03-07' }],
      'after_today',
      'events[0].deliveredOn',
      '晚于今天',
    ],
    [
      'an impossible receipt date',
      '2025-03-03',
      [{ type: 'fee_notice', on: '2025-03-10', deliveredOn: '2025-02-30' }],
      'invalid_date',
      'events[0].deliveredOn',
      '送达日期',
    ],
    ['a bad received date', '2025-3-3', [], 'invalid_date', 'received', 'received'],
  ])('refuses %s', (_situation, received, events, code, field, message) => {
    const problems = validateClockEvents({ received, events }, calendar, today);
    expect(problems).toContainEqual({ code, field, message: expect.stringContaining(message) });
    expect(() => computeClock({ received, events }, calendar, today)).toThrow(ClockError);
  });

  it.each<[string, ClockEvent[]]>([
    ['a correction asked on the 7th working day', [{ type: 'correction_requested', on: '2025-10-13' }]],
    ['an extension of exactly 20', [{ type: 'extended', on: '2025-10-20', days: 20 }]],
    [
      'a new letter after the first went 15 working days after its receipt unanswered',
      [
        { type: 'consultation_sent', on: '2025-09-29', deliveredOn: '2025-09-29' },
        { type: 'consultation_sent', on: '2025-11-03' },
      ],
    ],
    [
      'a fee notice received the day it was sent',
      [{ type: 'fee_notice', on: '2025-10-09', deliveredOn: '2025-10-09' }],
    ],
  ])('accepts %s', (_situation, events) => {
    expect(validateClockEvents({ received: '2025-09-26', events }, calendar, today)).toEqual([]);
  });

  it('gives the first problem’s code and Chinese message on the error', () => {
    const events: ClockEvent[] = [{ type: 'extended', on: '2025-03-20', days: 25 }];
    const error = (() => {
      try {
        computeClock({ received: '2025-03-03', events }, calendar, today);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ClockError);
    expect(error).toMatchObject({ code: 'extension_over_limit', field: 'events[0].days' });
  });
});
