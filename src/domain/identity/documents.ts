/**
 * The identity documents an applicant may show (条例 第二十九条第二款第（一）项: 申请人的姓名或者名称、
 * 身份证明、联系方式), and one validator per type. Only the 居民身份证 (GB 11643) and the 统一社会信用代码
 * (GB 32100) carry a check code; the other types get a format check only.
 */
import { creditCodeProblem, normalizeCreditCode } from './credit-code.ts';
import { normalizeResidentId, residentIdProblem } from './resident-id.ts';

export const ID_DOCUMENT_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_resident_id',
  'credit_code',
  'other',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const ID_DOCUMENT_LABELS: Record<IdDocumentType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_resident_id: '外国人永久居留身份证',
  credit_code: '统一社会信用代码',
  other: '其他证件',
};

/** The documents of a natural person, and of a legal person or other organization. */
export const PERSON_DOCUMENTS: readonly IdDocumentType[] = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_resident_id',
  'other',
];
export const ORGANIZATION_DOCUMENTS: readonly IdDocumentType[] = ['credit_code', 'other'];

/** Type guard for a document type code from outside (a form, a file). */
export function isIdDocumentType(value: string): value is IdDocumentType {
  return (ID_DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** Format-only rules: the pattern (on the normalized number) and what to tell the applicant. */
const FORMATS: Partial<Record<IdDocumentType, { pattern: RegExp; message: string }>> = {
  // Any country's passport: ICAO 9303 allows up to 9 characters, some countries print more.
  passport: { pattern: /^[A-Z0-9]{5,20}$/, message: '护照号码应为5–20位字母或数字' },
  // 回乡证: H (香港) or M (澳门) and 8 digits (2013 card), 10 digits on the older booklet.
  hk_macao_permit: {
    pattern: /^[HM](\d{8}|\d{10})$/,
    message: '港澳居民来往内地通行证号码应为H或M开头，后接8位（旧版10位）数字',
  },
  // 台胞证: 8 digits (2015 card); the older booklet 10 digits, sometimes with a letter in brackets.
  taiwan_permit: {
    pattern: /^(\d{8}|\d{10}(\([A-Z]\))?)$/,
    message: '台湾居民来往大陆通行证号码应为8位数字（旧版10位）',
  },
  // 2017 card: 3-letter nationality code and 12 digits; 2023 card: 18 characters starting with 9.
  foreign_permanent_resident_id: {
    pattern: /^([A-Z]{3}\d{12}|9\d{16}[\dX])$/,
    message: '外国人永久居留身份证号码应为3位字母加12位数字，或以9开头的18位号码',
  },
};

/** The number as stored for its type: spaces dropped around it, letters capitalized. */
export function normalizeIdNumber(type: IdDocumentType, number: string): string {
  if (type === 'resident_id') return normalizeResidentId(number);
  if (type === 'credit_code') return normalizeCreditCode(number);
  if (type === 'other') return number.trim();
  return number.trim().toUpperCase().replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Why a document number is not valid for its type, in Chinese, or null when it is. An empty
 * number is always a problem; `other` documents only need a number (at most 50 characters).
 */
export function idNumberProblem(type: IdDocumentType, number: string, today?: string): string | null {
  const normalized = normalizeIdNumber(type, number);
  if (normalized === '') return `请填写${ID_DOCUMENT_LABELS[type]}号码`;
  if (type === 'resident_id') return residentIdProblem(normalized, today);
  if (type === 'credit_code') return creditCodeProblem(normalized);
  if (type === 'other') return normalized.length > 50 ? '证件号码不能超过50个字符' : null;
  const format = FORMATS[type];
  return format && !format.pattern.test(normalized) ? format.message : null;
}
