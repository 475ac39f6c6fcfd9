import { describe, expect, it } from 'vitest';
import {
  type AccountAction,
  type AccountFields,
  type AccountState,
  accountFieldProblems,
  postingRefusal,
  stepDayProblem,
  transition,
} from './accounts.ts';
import { channelForAccount } from './channel-code.ts';
import type { Closure } from './periods.ts';
import { type SilenceLevel, silence } from './silence.ts';
import { type AccountForStatistics, newMediaStatistics } from './statistics.ts';

const TODAY = '2026-03-20';

describe('silence against the 2-week rule', () => {
  it.each<[string, AccountState, string, string | null, number | null, SilenceLevel]>([
    ['posted today', 'operating', '2025-01-01', '2026-03-20', 0, 'ok'],
    ['posted 6 days ago', 'operating', '2025-01-01', '2026-03-14', 6, 'ok'],
    [
      'posted 7 days ago: the alarm, 7 days before the veto',
      'operating',
      '2025-01-01',
      '2026-03-13',
      7,
      'warning',
    ],
    ['posted 13 days ago', 'operating', '2025-01-01', '2026-03-07', 13, 'warning'],
    ['posted 14 days ago: the veto', 'operating', '2025-01-01', '2026-03-06', 14, 'overdue'],
    ['across the month end (February has 28 days)', 'operating', '2025-01-01', '2026-02-28', 20, 'overdue'],
    ['never posted, opened 3 days ago', 'operating', '2026-03-17', null, 3, 'ok'],
    ['never posted, opened 15 days ago', 'operating', '2026-03-05', null, 15, 'overdue'],
    [
      'postings on the channel before the opening count from the opening',
      'operating',
      '2026-03-15',
      '2026-01-01',
      5,
      'ok',
    ],
    ['closed (关停): not inspected', 'closed', '2025-01-01', '2025-06-01', null, 'not_operating'],
    ['cancelled (注销): not inspected', 'cancelled', '2025-01-01', null, null, 'not_operating'],
  ])('%s', (_situation, state, openedOn, lastPostedOn, days, level) => {
    const found = silence({ state, openedOn }, lastPostedOn, TODAY);
    expect(found.days).toBe(days);
    expect(found.level).toBe(level);
    if (days !== null) expect(found.daysToVeto).toBe(Math.max(0, 14 - days));
  });
});

describe('account state transitions', () => {
  it.each<[AccountState, AccountAction, AccountState | string]>([
    ['operating', 'close', 'closed'],
    ['operating', 'cancel', 'cancelled'],
    ['closed', 'cancel', 'cancelled'],
    ['closed', 'reopen', 'operating'],
    ['operating', 'reopen', '该账号正在运营，无需恢复运营。'],
    ['closed', 'close', '该账号已关停，不能关停。'],
    ['cancelled', 'reopen', '该账号已注销，不能恢复运营；如需重新开设，请登记一个新账号。'],
    ['cancelled', 'cancel', '该账号已注销，不能注销；如需重新开设，请登记一个新账号。'],
  ])('%s, %s → %s', (state, action, expected) => {
    const result = transition(state, action);
    expect('to' in result ? result.to : result.refusal).toBe(expected);
  });
});

const GOOD: AccountFields = {
  platform: 'wechat',
  name: '临港发布',
  accountId: 'lingang_fabu',
  hostUnit: '临港区人民政府办公室',
  openedOn: '2020-05-01',
  filingStatus: 'filed',
  filingNo: '鲁政新备 2020-001',
  manager: '张三',
  managerPhone: '0631-5212345',
};

describe('account fields', () => {
  it.each<[string, Partial<AccountFields>, string[]]>([
    ['all good', {}, []],
    ['a mobile number', { managerPhone: '13912345678' }, []],
    ['no phone', { managerPhone: '' }, []],
    ['an unknown platform', { platform: 'myspace' }, ['platform']],
    ['a blank name', { name: '  ' }, ['name']],
    ['no host unit', { hostUnit: '' }, ['hostUnit']],
    ['opened tomorrow', { openedOn: '2026-03-21' }, ['openedOn']],
    ['opened on 30 February', { openedOn: '2026-02-30' }, ['openedOn']],
    ['filed without a number', { filingNo: '' }, ['filingNo']],
    ['not filed, no number', { filingStatus: 'not_filed', filingNo: '' }, []],
    ['no manager', { manager: '' }, ['manager']],
    ['a phone of letters', { managerPhone: 'call me' }, ['managerPhone']],
  ])('%s', (_situation, change, fields) => {
    const problems = accountFieldProblems({ ...GOOD, ...change }, TODAY);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each<[string, string, string | null, string | null]>([
    ['on the opening day', '2020-05-01', null, null],
    ['today', TODAY, null, null],
    ['tomorrow', '2026-03-21', null, '“关停日期”不能晚于今天（2026-03-20）'],
    ['before the opening', '2020-04-30', null, '“关停日期”不能早于账号的开设日期（2020-05-01）'],
    [
      'before an earlier closing',
      '2021-01-01',
      '2022-01-01',
      '“关停日期”不能早于账号的关停日期（2022-01-01）',
    ],
    ['not a date', '2021-13-01', null, '“关停日期”不是有效日期，请写成 YYYY-MM-DD'],
  ])('a closing day %s', (_situation, on, closedOn, message) => {
    const closures = closedOn ? [{ closedOn, reopenedOn: null }] : [];
    const problem = stepDayProblem('close', on, { openedOn: '2020-05-01', closedOn, closures }, TODAY);
    expect(problem?.message ?? null).toBe(message);
  });

  // closed 2022-01-01, reopened 2022-03-01: a second 关停 or a 注销 does not go back into that history
  const reopened = {
    openedOn: '2020-05-01',
    closedOn: null,
    closures: [{ closedOn: '2022-01-01', reopenedOn: '2022-03-01' }],
  };
  it.each<[string, 'close' | 'cancel', string, string | null]>([
    ['a 关停 on the reopening day', 'close', '2022-03-01', null],
    ['a 关停 after it', 'close', '2023-01-01', null],
    [
      'a 关停 inside the earlier closed spell',
      'close',
      '2022-02-01',
      '“关停日期”不能早于账号上次恢复运营的日期（2022-03-01）',
    ],
    [
      'a 注销 before the reopening',
      'cancel',
      '2021-06-01',
      '“注销日期”不能早于账号上次恢复运营的日期（2022-03-01）',
    ],
  ])('after a reopening: %s', (_situation, action, on, message) => {
    expect(stepDayProblem(action, on, reopened, TODAY)?.message ?? null).toBe(message);
  });
});

describe('the channel an account posts through', () => {
  it.each<[string, string[], string[], { code: string; create: boolean }]>([
    ['the agency’s 微信 channel, free', ['website', 'wechat'], [], { code: 'wechat', create: false }],
    ['no such channel yet', ['website'], [], { code: 'wechat', create: true }],
    ['a second 微信 account', ['website', 'wechat'], ['wechat'], { code: 'wechat-2', create: true }],
    ['a third, the second’s freed', ['wechat', 'wechat-2'], ['wechat'], { code: 'wechat-2', create: false }],
  ])('%s', (_situation, existing, held, expected) => {
    expect(channelForAccount('wechat', new Set(existing), new Set(held))).toEqual(expected);
  });

  it('never takes the agency’s catch-all 其他 channel', () => {
    expect(channelForAccount('other', new Set(['other']), new Set())).toEqual({
      code: 'media-other',
      create: true,
    });
  });
});

const account = (
  a: Partial<AccountForStatistics> & Pick<AccountForStatistics, 'id'>,
): AccountForStatistics => ({
  name: `账号${a.id}`,
  platform: 'wechat',
  state: 'operating',
  openedOn: '2020-01-01',
  cancelledOn: null,
  closures: [],
  postingsInYear: 0,
  ...a,
});

describe('the year’s statistics', () => {
  const accounts = [
    account({ id: 1, postingsInYear: 120 }),
    account({ id: 2, openedOn: '2025-03-01', postingsInYear: 30 }),
    account({
      id: 3,
      state: 'closed',
      closures: [{ closedOn: '2025-08-01', reopenedOn: null }],
      postingsInYear: 5,
    }),
    account({
      id: 4,
      platform: 'douyin',
      state: 'cancelled',
      closures: [{ closedOn: '2024-06-01', reopenedOn: null }],
      cancelledOn: '2025-02-01',
    }),
    account({
      id: 5,
      platform: 'weibo',
      state: 'closed',
      closures: [{ closedOn: '2026-01-10', reopenedOn: null }],
      postingsInYear: 9,
    }),
    account({ id: 6, platform: 'weibo', openedOn: '2026-02-01' }),
    // closed in the year and reopened the year after: still 本年关停, and not open at the year's end
    account({
      id: 7,
      platform: 'bilibili',
      closures: [{ closedOn: '2025-11-01', reopenedOn: '2026-01-05' }],
      postingsInYear: 3,
    }),
    // closed the year before and reopened in the year: open at its end, not 本年关停
    account({
      id: 8,
      platform: 'bilibili',
      closures: [{ closedOn: '2024-05-01', reopenedOn: '2025-04-01' }],
      postingsInYear: 2,
    }),
  ];

  it.each<[string, number, Record<string, number>]>([
    [
      '微信: two open at the year end, one opened, one closed',
      0,
      { openAtYearEnd: 2, opened: 1, closed: 1, cancelled: 0, postings: 155 },
    ],
    [
      '微博: closed after the year, still open at its end',
      1,
      { openAtYearEnd: 1, opened: 0, closed: 0, cancelled: 0, postings: 9 },
    ],
    [
      '抖音: closed the year before, cancelled in the year',
      2,
      { openAtYearEnd: 0, opened: 0, closed: 0, cancelled: 1, postings: 0 },
    ],
    [
      '哔哩哔哩: reopened accounts keep their closings',
      3,
      { openAtYearEnd: 1, opened: 0, closed: 1, cancelled: 0, postings: 5 },
    ],
  ])('%s', (_situation, index, counts) => {
    const stats = newMediaStatistics(accounts, 2025);
    expect(stats.platforms.map((p) => p.label)).toEqual(['微信公众号', '微博', '抖音', '哔哩哔哩']);
    expect(stats.platforms[index]).toMatchObject(counts);
  });

  it('totals the platforms and leaves out accounts opened after the year', () => {
    const stats = newMediaStatistics(accounts, 2025);
    expect(stats.total).toEqual({ openAtYearEnd: 4, opened: 1, closed: 2, cancelled: 1, postings: 169 });
    expect(stats.accounts.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });
});

describe('a posting on an account’s channel', () => {
  const spell = (closedOn: string, reopenedOn: string | null = null) => ({ closedOn, reopenedOn });
  it.each<[string, AccountState, Closure[], string, string | null]>([
    ['operating', 'operating', [], '2026-03-20', null],
    ['closed, dated before the closing', 'closed', [spell('2026-03-10')], '2026-03-09', null],
    [
      'closed, dated on the closing day',
      'closed',
      [spell('2026-03-10')],
      '2026-03-10',
      '政务新媒体账号“临港发布”已于 2026-03-10 关停，不能登记此后在该账号的发布；请核对发布渠道和发布日期。',
    ],
    [
      'cancelled, dated after',
      'cancelled',
      [spell('2026-03-10')],
      '2026-03-15',
      '政务新媒体账号“临港发布”已于 2026-03-10 停止运营并注销，不能登记此后在该账号的发布；请核对发布渠道和发布日期。',
    ],
    [
      'reopened, dated inside the closed spell',
      'operating',
      [spell('2025-03-10', '2025-06-01')],
      '2025-05-31',
      '政务新媒体账号“临港发布”自 2025-03-10 起关停，2025-06-01 恢复运营，不能登记关停期间在该账号的发布；请核对发布渠道和发布日期。',
    ],
    [
      'reopened, dated on the reopening day',
      'operating',
      [spell('2025-03-10', '2025-06-01')],
      '2025-06-01',
      null,
    ],
    [
      'reopened, dated before the spell',
      'operating',
      [spell('2025-03-10', '2025-06-01')],
      '2025-03-09',
      null,
    ],
  ])('%s', (_situation, state, closures, postedOn, refusal) => {
    expect(postingRefusal({ name: '临港发布', state, closures }, postedOn)).toBe(refusal);
  });
});
