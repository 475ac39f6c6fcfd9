import { describe, expect, it } from 'vitest';
import { isIcpNumber, isSiteIdCode, psbDigits, psbSearchUrl } from './identifiers.ts';

describe('网站标识码', () => {
  it.each([
    ['a city government site: division code and four digits', '3710000012', true],
    ['a ministry site: bm and eight digits', 'bm29000002', true],
    ['nine digits', '371000001', false],
    ['eleven digits', '37100000123', false],
    ['upper-case BM', 'BM29000002', false],
    ['bm and seven digits', 'bm2900000', false],
    ['spaces around', ' 3710000012', false],
  ])('%s (%s)', (_situation, text, ok) => {
    expect(isSiteIdCode(text)).toBe(ok);
  });
});

describe('ICP备案号', () => {
  it.each([
    ['the record of a site', '鲁ICP备12345678号-1', true],
    ['the record without a site number', '京ICP备2023032291号', true],
    ['ten digits', '湘ICP备2026037508号-1', true],
    ['no province', 'ICP备12345678号', false],
    ['not a province', '美ICP备12345678号', false],
    ['no 号', '鲁ICP备12345678', false],
    ['lower-case icp', '鲁icp备12345678号', false],
    ['a 公安 record instead', '鲁公网安备37100202000123号', false],
  ])('%s (%s)', (_situation, text, ok) => {
    expect(isIcpNumber(text)).toBe(ok);
  });
});

describe('公安机关备案号', () => {
  it.each([
    ['with a space', '鲁公网安备 37100202000123号', '37100202000123'],
    ['without a space', '陕公网安备61040202000893号', '61040202000893'],
    ['thirteen digits', '鲁公网安备3710020200012号', null],
    ['no 号', '鲁公网安备37100202000123', null],
    ['an ICP record instead', '鲁ICP备12345678号-1', null],
  ])('%s (%s)', (_situation, text, digits) => {
    expect(psbDigits(text)).toBe(digits);
  });

  it('links to the national 公安备案 search page with the 14 digits', () => {
    expect(psbSearchUrl('鲁公网安备 37100202000123号')).toBe(
      'https://beian.mps.gov.cn/#/query/webSearch?code=37100202000123',
    );
    expect(psbSearchUrl('鲁公网安备')).toBeNull();
  });
});
