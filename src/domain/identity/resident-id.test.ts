import { describe, expect, it } from 'vitest';
import {
  isValidResidentId,
  normalizeResidentId,
  residentIdCheckCode,
  residentIdProblem,
} from './resident-id.ts';

/** GB 11643 computed here, apart from the code under test: Σ digit × (2^(17−i) mod 11), then 1 0 X 9 8 7 6 5 4 3 2. */
function withCheckCode(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The number with its `index`-th character replaced by the next digit. */
function flip(id: string, index: number): string {
  const next = String((Number(id[index]) + 1) % 10);
  return id.slice(0, index) + next + id.slice(index + 1);
}

const beijing = withCheckCode('11010519491231002'); // the example of GB 11643 itself: …002X
const shenzhen = withCheckCode('44030420000229123'); // born on a leap day
const shanghai = withCheckCode('31011519850615301');
const urumqi = withCheckCode('65010220101001000');

describe('residentIdProblem accepts real-format numbers', () => {
  it.each([
    ['the standard’s example, check code X', beijing],
    ['a birth on 29 February of a leap year', shenzhen],
    ['a number from Shanghai', shanghai],
    ['a number from Urumqi', urumqi],
    ['a lowercase x', beijing.toLowerCase()],
    ['spaces around the number', ` ${shanghai} `],
  ])('%s', (_situation, id) => {
    expect(residentIdProblem(id)).toBeNull();
    expect(isValidResidentId(id)).toBe(true);
  });

  it('knows the standard’s example ends in X', () => {
    expect(beijing).toBe('11010519491231002X');
    expect(residentIdCheckCode('11010519491231002')).toBe('X');
  });

  it('normalizes a lowercase x to X', () => {
    expect(normalizeResidentId('11010519491231002x')).toBe('11010519491231002X');
  });
});

describe('residentIdProblem says what is wrong', () => {
  it.each([
    ['a sequence digit flipped', flip(shanghai, 15), '校验位不正确'],
    ['the check code changed', `${shanghai.slice(0, 17)}${(Number(shanghai[17]) + 1) % 10}`, '校验位不正确'],
    ['an X in place of a digit check code', `${shanghai.slice(0, 17)}X`, '校验位不正确'],
    [
      'two digits swapped',
      shanghai.slice(0, 14) + shanghai[15] + shanghai[14] + shanghai.slice(16),
      '校验位不正确',
    ],
    ['17 digits', shanghai.slice(0, 17), '应为18位'],
    ['the old 15-digit number', '310115850615301', '应为18位'],
    ['19 digits', `${shanghai}1`, '应为18位'],
    ['an empty text', '', '应为18位'],
    ['a letter among the digits', `31011519850615A01${shanghai[17]}`, '前17位应为数字'],
    ['a full-width digit', `３${shanghai.slice(1)}`, '前17位应为数字'],
    ['an unknown province code', withCheckCode('99010519491231002'), '地址码无效'],
    ['30 February', withCheckCode('11010519490230002'), '出生日期无效'],
    ['29 February of a common year', withCheckCode('11010520010229002'), '出生日期无效'],
    ['month 13', withCheckCode('11010519491301002'), '出生日期无效'],
    ['a birth year before 1800', withCheckCode('11010517991231002'), '出生日期无效'],
  ])('%s', (_situation, id, message) => {
    expect(residentIdProblem(id)).toContain(message);
    expect(isValidResidentId(id)).toBe(false);
  });

  it.each([
    ['a birth date after today', withCheckCode('11010520300101002'), '2026-05-01', '出生日期无效'],
    ['a birth today', withCheckCode('11010520260501002'), '2026-05-01', null],
  ])('with today given: %s', (_situation, id, today, message) => {
    const problem = residentIdProblem(id, today);
    if (message === null) expect(problem).toBeNull();
    else expect(problem).toContain(message);
  });
});
