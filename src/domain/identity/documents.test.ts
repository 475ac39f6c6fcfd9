import { describe, expect, it } from 'vitest';
import {
  ID_DOCUMENT_LABELS,
  ID_DOCUMENT_TYPES,
  type IdDocumentType,
  idNumberProblem,
  isIdDocumentType,
  normalizeIdNumber,
  ORGANIZATION_DOCUMENTS,
  PERSON_DOCUMENTS,
} from './documents.ts';

describe('idNumberProblem accepts each type’s real formats', () => {
  it.each<[string, IdDocumentType, string]>([
    ['a 居民身份证', 'resident_id', '11010519491231002X'],
    ['a 居民身份证 with a lowercase x', 'resident_id', '11010519491231002x'],
    ['a Chinese e-passport', 'passport', 'E12345678'],
    ['a Chinese passport of the EA series', 'passport', 'EA1234567'],
    ['a foreign passport in lowercase', 'passport', 'c01x00t47'],
    ['a 回乡证 of a Hong Kong resident', 'hk_macao_permit', 'H12345678'],
    ['a 回乡证 of a Macao resident', 'hk_macao_permit', 'M87654321'],
    ['an older 10-digit 回乡证', 'hk_macao_permit', 'H1234567890'],
    ['a 台胞证 card', 'taiwan_permit', '01234567'],
    ['an older 台胞证 with a letter', 'taiwan_permit', '1234567890(B)'],
    ['an older 台胞证 with full-width brackets', 'taiwan_permit', '1234567890（B）'],
    ['a 2017 永居证', 'foreign_permanent_resident_id', 'USA310012345678'],
    ['a 2023 永居证', 'foreign_permanent_resident_id', '911840198501011234'],
    ['a 统一社会信用代码', 'credit_code', '914403001922038216'],
    ['another document', 'other', '军官证 第1234号'],
  ])('%s', (_situation, type, number) => {
    expect(idNumberProblem(type, number)).toBeNull();
  });
});

describe('idNumberProblem says what is wrong, per type', () => {
  it.each<[string, IdDocumentType, string, string]>([
    ['a 居民身份证 with a digit flipped', 'resident_id', '11010519491231003X', '校验位不正确'],
    ['a passport with punctuation', 'passport', 'E1234-5678', '护照号码'],
    ['a passport too short', 'passport', 'E123', '护照号码'],
    ['a 回乡证 without its letter', 'hk_macao_permit', '12345678', 'H或M开头'],
    ['a 回乡证 of 7 digits', 'hk_macao_permit', 'H1234567', 'H或M开头'],
    ['a 台胞证 of 9 digits', 'taiwan_permit', '123456789', '8位数字'],
    ['a 永居证 of 15 digits', 'foreign_permanent_resident_id', '123310012345678', '3位字母'],
    ['a 统一社会信用代码 with a character flipped', 'credit_code', '914403001922038217', '校验位不正确'],
    ['an empty 居民身份证 number', 'resident_id', '  ', '请填写居民身份证号码'],
    ['an empty other number', 'other', '', '请填写其他证件号码'],
    ['an overlong other number', 'other', 'x'.repeat(51), '不能超过50个字符'],
  ])('%s', (_situation, type, number, message) => {
    expect(idNumberProblem(type, number)).toContain(message);
  });

  it('refuses a future birth date when today is given', () => {
    const bornIn2030 = '110105203001010028';
    expect(idNumberProblem('resident_id', bornIn2030)).toBeNull();
    expect(idNumberProblem('resident_id', bornIn2030, '2026-05-01')).toContain('出生日期无效');
  });
});

describe('the document types', () => {
  it('labels every type in Chinese', () => {
    for (const type of ID_DOCUMENT_TYPES) expect(ID_DOCUMENT_LABELS[type]).toMatch(/\p{Script=Han}/u);
  });

  it('gives an organization the 统一社会信用代码 and a person never', () => {
    expect(ORGANIZATION_DOCUMENTS).toContain('credit_code');
    expect(PERSON_DOCUMENTS).not.toContain('credit_code');
  });

  it.each([
    ['a known type', 'passport', true],
    ['an unknown type', 'driving_licence', false],
  ])('recognizes %s', (_situation, value, known) => {
    expect(isIdDocumentType(value)).toBe(known);
  });

  it('stores numbers normalized', () => {
    expect(normalizeIdNumber('passport', ' ea1234567 ')).toBe('EA1234567');
    expect(normalizeIdNumber('taiwan_permit', '1234567890（b）')).toBe('1234567890(B)');
  });
});
