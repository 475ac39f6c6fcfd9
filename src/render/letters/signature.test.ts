import { describe, expect, it } from 'vitest';
import { rightIndents, signatureIndents, textWidth } from './signature.ts';

describe('the signature block', () => {
  it.each([
    ['某某局', 3],
    ['2021年3月8日', 6],
    ['2021年12月28日', 7],
  ])('%s is %d characters wide', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });

  it.each([
    ['a short name centred over the date, four characters in', ['某某局', '2021年12月28日'], [6, 4]],
    [
      'a long name two characters in, the date centred under it',
      ['威海临港经济技术开发区管理委员会', '2021年3月8日'],
      [2, 7],
    ],
    ['a date alone', ['2021年3月8日'], [4]],
  ])('%s', (_situation, lines, indents) => {
    expect(signatureIndents(lines)).toEqual(indents);
  });

  it('indents each run of right-aligned paragraphs as one block and nothing else', () => {
    const paragraphs = [
      { align: 'body', text: '特此告知。' },
      { align: 'right', text: '某某局' },
      { align: 'right', text: '2021年3月8日' },
      { align: 'body', text: '（联系电话：1）' },
    ];
    expect(rightIndents(paragraphs)).toEqual([0, 5.5, 4, 0]);
  });
});
