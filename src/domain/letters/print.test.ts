import { describe, expect, it } from 'vitest';
import { chineseDate, printValue } from './print.ts';

describe('chineseDate', () => {
  it.each([
    ['2026-11-26', '2026年11月26日'],
    ['2021-03-02', '2021年3月2日'],
    ['2024-02-29', '2024年2月29日'],
  ])('%s → %s', (iso, text) => {
    expect(chineseDate(iso)).toBe(text);
  });

  it.each(['2021-02-30', '2021/03/02', ''])('refuses %j', (text) => {
    expect(() => chineseDate(text)).toThrow(RangeError);
  });
});

describe('printValue', () => {
  const dates = new Set(['issuedOn']);
  it.each([
    ['a date path', 'issuedOn', '2021-03-08', '2021年3月8日'],
    ['a date-like text elsewhere', 'case.information', '2021-03-08', '2021-03-08'],
    ['an unparseable date as it is', 'issuedOn', '三月八日', '三月八日'],
    ['true', 'consultation.toAgency', true, '是'],
    ['a list', 'fee.lines', ['甲', '乙'], '甲、乙'],
    ['blank', 'applicant.name', '  ', undefined],
    ['NaN', 'fee.amount', Number.NaN, undefined],
    ['an object', 'agency', { name: 'x' }, undefined],
  ])('%s', (_situation, path, value, expected) => {
    expect(printValue(path, value, dates)).toBe(expected);
  });
});
