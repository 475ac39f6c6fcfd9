import { describe, expect, it } from 'vitest';
import type { Severity } from './types.ts';
import { broken, expectViolation, saying, seedInput, set } from './validate.testing.ts';
import { type ValidationInput, validateReport } from './validate.ts';

describe('validateReport on the seed', () => {
  it('finds nothing wrong with the seed report', () => {
    expect(validateReport(seedInput())).toEqual([]);
  });

  it('finds nothing wrong with the seed report without its previous year', () => {
    expect(validateReport({ ...seedInput(), previousCells: null })).toEqual([]);
  });
});

describe('R6 takes the 万元 cell to the 分 as real reports print it', () => {
  it.each([
    ['six decimals', '24252.311082'],
    ['six decimals with trailing zeros, as entered', '0.350000'],
    ['one 分', '0.000001'],
    ['a whole number', '706'],
  ])('accepts %s (“%s”)', (_situation, wan) => {
    expect(validateReport(broken(set({ 't2.fees.amount_wan': wan })))).toEqual([]);
  });

  it('says what it takes, in Chinese, with the limit', () => {
    const [violation] = validateReport(broken(set({ 't2.fees.amount_wan': '1.2345678' })));
    expect(violation.message).toContain(
      '应为不小于0、最多六位小数的金额（万元），不超过999999999.999999万元',
    );
  });
});

describe('each rule catches a broken report', () => {
  it.each<[string, ValidationInput, string, Severity, string[]]>([
    [
      'R1: a business request carried out that was never received',
      broken(set({ 't3.carried_out.business': 1, 't3.carried_out.total': 1 })),
      'R1',
      'error',
      ['t3.new.business', 't3.carried_in.business', 't3.total.business', 't3.carried_out.business'],
    ],
    [
      'R1: the total column does not balance either',
      broken(set({ 't3.carried_out.business': 1, 't3.carried_out.total': 1 })),
      'R1',
      'error',
      ['t3.carried_out.total'],
    ],
    [
      'R2: a request with mixed item decisions not counted as partial',
      { ...seedInput(), mixedItemsNotPartial: 1 },
      'R2',
      'error',
      ['t3.partial.total'],
    ],
    [
      'R3: an outcome row counted without its total',
      broken(set({ 't3.denied.state_secret.research': 1, 't3.denied.state_secret.total': 1 })),
      'R3',
      'error',
      ['t3.total.research'],
    ],
    [
      'R4: a row total that is not the sum of its columns',
      broken(set({ 't3.unable.unclear.total': 1 })),
      'R4',
      'error',
      ['t3.unable.unclear.total'],
    ],
    [
      'R5: a reconsideration upheld but the group total left at 0',
      broken(set({ 't4.review.upheld': 1 })),
      'R5',
      'error',
      ['t4.review.total'],
    ],
    [
      'R5: a direct suit pending with a wrong total',
      broken(set({ 't4.suit_direct.pending': 2, 't4.suit_direct.total': 1 })),
      'R5',
      'error',
      ['t4.suit_direct.total'],
    ],
    [
      'R6: a negative count',
      broken(set({ 't3.granted.business': -1 })),
      'R6',
      'error',
      ['t3.granted.business'],
    ],
    [
      'R6: a fractional count',
      broken(set({ 't2.license.decisions': 5416.5 })),
      'R6',
      'error',
      ['t2.license.decisions'],
    ],
    [
      'R6: a count written as text',
      broken(set({ 't2.penalty.decisions': '271' })),
      'R6',
      'error',
      ['t2.penalty.decisions'],
    ],
    [
      'R6: a missing cell',
      broken((input) => {
        delete input.cells['t4.suit_direct.pending'];
      }),
      'R6',
      'error',
      ['t4.suit_direct.pending'],
    ],
    [
      'R6: a fee amount with seven decimals (below one 分)',
      broken(set({ 't2.fees.amount_wan': '706.0000001' })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a negative fee amount',
      broken(set({ 't2.fees.amount_wan': '-1' })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a fee amount in exponent notation',
      broken(set({ 't2.fees.amount_wan': '7.06e2' })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a fee amount given as a negative number',
      broken(set({ 't2.fees.amount_wan': -3 })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a fee amount given as a number with seven decimals',
      broken(set({ 't2.fees.amount_wan': 0.1234567 })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a missing fee amount',
      broken((input) => {
        delete input.cells['t2.fees.amount_wan'];
      }),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R7: last year carried two requests out, this year carries none in',
      broken((input) => {
        Object.assign(input.previousCells ?? {}, {
          't3.carried_out.natural_person': 2,
          't3.carried_out.total': 2,
        });
      }),
      'R7',
      'error',
      ['t3.carried_in.natural_person'],
    ],
    [
      'R8: last year’s valid count does not lead to this year’s',
      broken((input) => {
        Object.assign(input.previousCells ?? {}, { 't2.normative.valid': 5 });
      }),
      'R8',
      'warning',
      ['t2.normative.valid'],
    ],
    [
      'R8: a 规章 valid this year that was never issued',
      broken(set({ 't2.regulation.valid': 1 })),
      'R8',
      'warning',
      ['t2.regulation.valid'],
    ],
    [
      'R9: the narrative misstates the requests received',
      saying('本年新收政府信息公开申请7件。'),
      'R9',
      'error',
      ['t3.new.total'],
    ],
    ['R10: a late publication', { ...seedInput(), publishedOn: '2022-02-01' }, 'R10', 'error', []],
  ])('%s', (_situation, input, code, severity, cells) => {
    expectViolation(input, code, severity, cells);
  });

  it.each([
    ['a fee amount as text', { 't2.fees.amount_wan': '0.35' }],
    ['a fee amount as a number', { 't2.fees.amount_wan': 706 }],
    ['a zero fee amount', { 't2.fees.amount_wan': '0' }],
  ])('R6 accepts %s', (_situation, cells) => {
    expect(validateReport(broken(set(cells))).filter((v) => v.code === 'R6')).toEqual([]);
  });

  it('R8 is the only warning a lapsed document raises (the report still validates)', () => {
    const found = validateReport(
      broken((input) => {
        Object.assign(input.previousCells ?? {}, { 't2.normative.valid': 7 });
      }),
    );
    expect(found.map((v) => [v.code, v.severity])).toEqual([['R8', 'warning']]);
  });

  it('R7 and R8 are skipped without the previous year', () => {
    const input = broken(set({ 't3.carried_in.natural_person': 1, 't3.new.natural_person': 5 }));
    input.previousCells = null;
    expect(validateReport(input).filter((v) => v.code === 'R7' || v.code === 'R8')).toEqual([]);
  });
});

describe('violations are well formed', () => {
  it('carry the rule name and a Chinese message', () => {
    const found = validateReport(broken(set({ 't4.review.upheld': 1 })));
    expect(found).toEqual([
      {
        code: 'R5',
        rule: '复议诉讼总计等于各结果之和',
        severity: 'error',
        cells: ['t4.review.total'],
        message: '表四“行政复议”：总计为0，而结果维持、结果纠正、其他结果与尚未审结之和为1。',
      },
    ]);
  });
});
