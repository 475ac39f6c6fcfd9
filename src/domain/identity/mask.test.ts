import { describe, expect, it } from 'vitest';
import { maskApplicant, maskIdNumber } from './mask.ts';

describe('maskIdNumber', () => {
  it.each([
    ['a 居民身份证 of 18 characters', '37100219900101123X', '371002********123X'],
    ['an old 居民身份证 of 15 characters', '371002900101123', '371002*****1123'],
    ['a 统一社会信用代码', '91371000MA3C8XXX1K', '913710********XX1K'],
    ['a passport', 'E12345678', 'E1*****78'],
    ['a short other document', 'AB1234', '****34'],
    ['three characters', 'A12', '***'],
    ['nothing', '', ''],
  ])('masks %s', (_case, number, masked) => {
    expect(maskIdNumber(number)).toBe(masked);
    expect(maskIdNumber(number)).toHaveLength(number.length);
  });
});

describe('maskApplicant', () => {
  it('masks only the ID number and says so', () => {
    const applicant = {
      name: '李华',
      idType: 'resident_id',
      idNumber: '37100219900101123X',
      phone: '13800000000',
    };
    expect(maskApplicant(applicant)).toEqual({
      ...applicant,
      idNumber: '371002********123X',
      idNumberMasked: true,
    });
  });

  it.each([
    ['no ID number', { name: '某公司' }],
    ['no applicant', null],
  ])('leaves an applicant with %s as it is', (_case, applicant) => {
    expect(maskApplicant(applicant)).toEqual(applicant);
  });
});
