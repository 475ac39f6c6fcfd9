import { describe, expect, it } from 'vitest';
import { feeSection, yuanInWords } from './fee-section.ts';

describe('yuanInWords', () => {
  it.each([
    [0, '零元整'],
    [10, '壹拾元整'],
    [100, '壹佰元整'],
    [105, '壹佰零伍元整'],
    [800, '捌佰元整'],
    [1005, '壹仟零伍元整'],
    [2200, '贰仟贰佰元整'],
    [10_000, '壹万元整'],
    [100_010, '壹拾万零壹拾元整'],
    [1_002_000, '壹佰万贰仟元整'],
    [100_000_001, '壹亿零壹元整'],
    [123_456_789, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
  ])('%d 元 → %s', (yuan, words) => {
    expect(yuanInWords(yuan)).toBe(words);
  });

  it.each([-1, 1.5, 1e12])('refuses %d', (yuan) => {
    expect(() => yuanInWords(yuan)).toThrow(RangeError);
  });
});

describe('feeSection', () => {
  it('charges pieces 29–33 of the month: two at 100 元, three at 200 元 (109号 第四条)', () => {
    const section = feeSection(
      { method: 'per_piece', previousPiecesThisMonth: 28, pieces: 5 },
      '2021-04-07',
      '扫码缴纳',
    );
    expect(section).toMatchObject({
      method: '按件计收',
      lines: ['第29–30件，每件100元，计200元', '第31–33件，每件200元，计600元'],
      amount: 800,
      amountInWords: '捌佰元整',
      payDueOn: '2021-04-07',
    });
    expect(section.standard).toContain('11—30件（含30件）的部分，每件100元');
  });

  it('charges 120 pages: 30 free, 70 at 10 元, 20 at 20 元 (109号 第五条)', () => {
    const section = feeSection({ method: 'per_page', pages: 120 }, '2021-04-07', '扫码缴纳');
    expect(section.amount).toBe(1100);
    expect(section.lines).toHaveLength(3);
    expect(section.standard).toContain('31—100页（含100页）的部分，每页10元');
  });
});
