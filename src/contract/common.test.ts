import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decimal, rowId } from './common.ts';

describe('numbers in a URL are decimal digits only', () => {
  const id = rowId('申请编号');
  it.each([
    ['19', 19],
    ['007', 7],
    ['2147483647', 2147483647],
  ])('%s → %d', (text, value) => {
    expect(id.parse(text)).toBe(value);
  });

  it.each([
    '0x13',
    '1e1',
    ' 12',
    '12 ',
    '+5',
    '-1',
    '12.0',
    '0',
    '',
    '2147483648',
    '１２',
    '0b11',
    'Infinity',
  ])('%j is refused with the Chinese message', (text) => {
    const result = id.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^申请编号(应为正整数|过大)$/);
  });

  it('keeps a default and an optional outside, and accepts a number from JSON', () => {
    const limit = decimal(z.number({ error: '条数应为整数' }).int().min(1).max(50)).default(20);
    expect(limit.parse(undefined)).toBe(20);
    expect(limit.parse('5')).toBe(5);
    expect(limit.parse(5)).toBe(5);
    expect(limit.safeParse('5e0').success).toBe(false);
  });
});
