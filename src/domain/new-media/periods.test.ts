import { describe, expect, it } from 'vitest';
import {
  type AccountHistory,
  closedInYear,
  closureOn,
  operatedWithin,
  operatingOn,
  operatingSince,
} from './periods.ts';

/** Opened 2020-05-01; closed 2022-01-01 to 2022-03-01; closed again 2023-06-01 to 2024-02-01. */
const twiceReopened: AccountHistory = {
  openedOn: '2020-05-01',
  cancelledOn: null,
  closures: [
    { closedOn: '2023-06-01', reopenedOn: '2024-02-01' },
    { closedOn: '2022-01-01', reopenedOn: '2022-03-01' },
  ],
};
/** Closed 2022-01-01 and never reopened; cancelled 2023-01-01. */
const closedThenCancelled: AccountHistory = {
  openedOn: '2020-05-01',
  cancelledOn: '2023-01-01',
  closures: [{ closedOn: '2022-01-01', reopenedOn: null }],
};

describe('an account’s operating days', () => {
  it.each<[string, AccountHistory, string, boolean]>([
    ['before its opening', twiceReopened, '2020-04-30', false],
    ['on its opening day', twiceReopened, '2020-05-01', true],
    ['the day before a closing', twiceReopened, '2021-12-31', true],
    ['on the closing day', twiceReopened, '2022-01-01', false],
    ['inside the closed spell', twiceReopened, '2022-02-28', false],
    ['on the reopening day', twiceReopened, '2022-03-01', true],
    ['inside the second spell', twiceReopened, '2023-12-31', false],
    ['after the second reopening', twiceReopened, '2026-03-20', true],
    ['closed, never reopened', closedThenCancelled, '2022-06-01', false],
    ['after the 注销', closedThenCancelled, '2024-01-01', false],
  ])('%s', (_situation, account, day, expected) => {
    expect(operatingOn(account, day)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['2021-12-31', null],
    ['2022-01-01', '2022-01-01'],
    ['2022-02-28', '2022-01-01'],
    ['2022-03-01', null],
    ['2024-01-31', '2023-06-01'],
  ])('the closed spell of %s: closed %s', (day, closedOn) => {
    expect(closureOn(twiceReopened.closures, day)?.closedOn ?? null).toBe(closedOn);
  });

  it.each<[string, AccountHistory, string, string, boolean]>([
    ['a year wholly inside no spell', twiceReopened, '2021-01-01', '2021-12-31', true],
    ['a stretch wholly inside the second spell', twiceReopened, '2023-07-01', '2024-01-31', false],
    ['a stretch ending on a reopening day', twiceReopened, '2023-07-01', '2024-02-01', true],
    ['a stretch starting the day before a closing', twiceReopened, '2021-12-31', '2022-02-01', true],
    ['a year after the closing that never ended', closedThenCancelled, '2022-02-01', '2022-12-31', false],
    ['a year before the opening', twiceReopened, '2019-01-01', '2019-12-31', false],
    [
      'a year the account opened in, late',
      { ...twiceReopened, openedOn: '2019-12-31' },
      '2019-01-01',
      '2019-12-31',
      true,
    ],
  ])('operated within: %s', (_situation, account, first, last, expected) => {
    expect(operatedWithin(account, first, last)).toBe(expected);
  });

  it.each<[string, string]>([
    ['2021-06-01', '2020-05-01'],
    ['2022-03-01', '2022-03-01'],
    ['2023-01-01', '2022-03-01'],
    ['2026-03-20', '2024-02-01'],
  ])('the operating stretch of %s began %s', (day, since) => {
    expect(operatingSince(twiceReopened, day)).toBe(since);
  });

  it('closings by year; the operating stretch today begins at the last reopening', () => {
    expect([2021, 2022, 2023, 2024].map((year) => closedInYear(twiceReopened.closures, year))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(operatingSince(twiceReopened, '2026-03-20')).toBe('2024-02-01');
    expect(operatingSince(closedThenCancelled, '2026-03-20')).toBe('2020-05-01');
  });
});
