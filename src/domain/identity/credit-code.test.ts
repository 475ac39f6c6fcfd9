import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from './credit-code.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100 computed here, apart from the code under test: weights 3^i mod 31, check 31 − Σ mod 31. */
function withCheck(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + CHARSET.indexOf(c) * (3 ** i % 31), 0);
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

/** The code with its `index`-th character replaced by the next allowed character. */
function flip(code: string, index: number): string {
  const next = CHARSET[(CHARSET.indexOf(code[index]) + 1) % CHARSET.length];
  return code.slice(0, index) + next + code.slice(index + 1);
}

const company = withCheck('91440300192203821'); // a company registered in Shenzhen (工商, 企业)
const association = withCheck('51110000MJ0021234'); // 民政: a social organization in Beijing
const institution = withCheck('12100000400000062'); // 机构编制: a public institution

describe('creditCodeProblem accepts real-format codes', () => {
  it.each([
    ['a company code as printed on a business licence', '914403001922038216'],
    ['a company code computed here', company],
    ['a social organization', association],
    ['a public institution', institution],
    ['lowercase letters', association.toLowerCase()],
  ])('%s', (_situation, code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('agrees with the check character computed here', () => {
    expect(creditCodeCheckCharacter(company.slice(0, 17))).toBe(company[17]);
    expect(company).toBe('914403001922038216');
  });
});

describe('creditCodeProblem says what is wrong', () => {
  it.each([
    ['one character of the 主体标识码 changed', flip(company, 12), '校验位不正确'],
    ['the check character changed', flip(association, 17), '校验位不正确'],
    ['the region code changed', flip(institution, 4), '校验位不正确'],
    ['17 characters', company.slice(0, 17), '应为18位'],
    ['the old 9-character 组织机构代码', '19220382-1', '应为18位'],
    [
      'a letter I, which the code never uses',
      `${association.slice(0, 10)}I${association.slice(11)}`,
      '不含I、O、Z、S、V',
    ],
    ['a letter in the region code', `91A${company.slice(3)}`, '行政区划码'],
  ])('%s', (_situation, code, message) => {
    expect(creditCodeProblem(code)).toContain(message);
    expect(isValidCreditCode(code)).toBe(false);
  });
});
