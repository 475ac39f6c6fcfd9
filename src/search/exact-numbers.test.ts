import { describe, expect, it } from 'vitest';
import { docNumberIn, indexNumberIn, normalizeDocNumber } from './exact-numbers.ts';

describe('docNumberIn', () => {
  it.each([
    ['as printed', '威临管发〔2021〕12号', '威临管发〔2021〕12号'],
    ['square brackets', '威临管发[2021]12号', '威临管发〔2021〕12号'],
    ['round brackets', '威临管发(2021)12号', '威临管发〔2021〕12号'],
    ['full-width round brackets', '威临管发（2021）12号', '威临管发〔2021〕12号'],
    ['lenticular brackets', '威临管发【2021】12号', '威临管发〔2021〕12号'],
    ['full-width square brackets', '威临管发［2021］12号', '威临管发〔2021〕12号'],
    ['spaces and full-width digits', ' 威临管发 〔２０２１〕 12号 ', '威临管发〔2021〕12号'],
    ['with 第', '国办函〔2020〕第109号', '国办函〔2020〕第109号'],
    ['words, not a 文号', '低保 申请', null],
    ['a year alone', '〔2021〕', null],
    ['no 号', '威临管发〔2021〕12', null],
  ])('%s: %s', (_situation, text, expected) => {
    expect(docNumberIn(text)).toBe(expected);
  });

  it('normalises any text the same way (for comparing stored 文号)', () => {
    expect(normalizeDocNumber('临发(2021)5号')).toBe('临发〔2021〕5号');
  });
});

describe('indexNumberIn', () => {
  it.each([
    ['as given', '11371000MB2856987K/2021-07-00012', '11371000MB2856987K/2021-07-00012'],
    ['lower case, spaced', ' lingang/2021-01-00003 ', 'LINGANG/2021-01-00003'],
    ['full-width', 'ＬＩＮＧＡＮＧ／２０２１－０１－００００３', 'LINGANG/2021-01-00003'],
    ['words', '低保', null],
    ['a year and a number', '2021-00012', null],
  ])('%s: %s', (_situation, text, expected) => {
    expect(indexNumberIn(text)).toBe(expected);
  });
});
