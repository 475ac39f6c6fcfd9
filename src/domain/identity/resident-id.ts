/**
 * The 18-character 公民身份号码 of a 居民身份证 (GB 11643-1999): a 6-digit address code, the birth
 * date YYYYMMDD, a 3-digit sequence code and a check code computed over the first 17 digits
 * (ISO 7064 MOD 11-2).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check code for each value of (Σ digit × weight) mod 11. */
const CHECK_CODES = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** 省级行政区划代码 (GB/T 2260) that open a 居民身份证 number. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]);

/** Whether a number opens with a 省级行政区划代码 (its first two digits), as a 居民身份证 number does. */
export function hasProvinceCode(number: string): boolean {
  return PROVINCE_CODES.has(number.slice(0, 2));
}

/** The check code (0–9 or X) of the first 17 digits of a number. */
export function residentIdCheckCode(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号码前17位应为数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CODES[sum % 11];
}

/** The number as stored: surrounding spaces dropped, a lowercase x made X. */
export function normalizeResidentId(id: string): string {
  return id.trim().toUpperCase();
}

/** Whether YYYYMMDD is a real calendar date from 1800 on and not after `today` (YYYY-MM-DD), if given. */
export function isBirthDate(yyyymmdd: string, today?: string): boolean {
  const [year, month, day] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1800) return false;
  return (
    today === undefined || `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}` <= today
  );
}

/**
 * Why a 居民身份证 number is not valid, in Chinese, or null when it is. Lowercase x is accepted.
 * Pass `today` (YYYY-MM-DD) to refuse a birth date in the future.
 */
export function residentIdProblem(id: string, today?: string): string | null {
  const number = normalizeResidentId(id);
  if (number.length !== 18) return `身份证号码应为18位（现为${number.length}位）`;
  if (!SHAPE.test(number)) return '身份证号码前17位应为数字，最后一位应为数字或X';
  if (!PROVINCE_CODES.has(number.slice(0, 2))) return '身份证号码的地址码无效';
  if (!isBirthDate(number.slice(6, 14), today)) return '身份证号码中的出生日期无效';
  if (residentIdCheckCode(number.slice(0, 17)) !== number[17]) return '身份证号码校验位不正确';
  return null;
}

/** Whether a text is a valid 18-digit 居民身份证 number (see residentIdProblem). */
export function isValidResidentId(id: string, today?: string): boolean {
  return residentIdProblem(id, today) === null;
}
