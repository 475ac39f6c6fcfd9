/**
 * The 18-character 统一社会信用代码 of a legal person or other organization (GB 32100-2015): 登记管理
 * 部门代码 (1), 机构类别代码 (1), 登记管理机关行政区划码 (6 digits), 主体标识码 (9) and a check code.
 * Characters are the digits and the capitals without I, O, Z, S, V; the check code is
 * 31 − (Σ value × weight mod 31), 31 written 0.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const C = '[0-9A-HJ-NPQRTUWXY]';
const SHAPE = new RegExp(`^${C}{2}\\d{6}${C}{10}$`);

/** The check character of the first 17 characters of a code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`统一社会信用代码含有不允许的字符：${first17[i] ?? ''}`);
    sum += value * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** The code as stored: surrounding spaces dropped, letters capitalized. */
export function normalizeCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Why a 统一社会信用代码 is not valid, in Chinese, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  const normalized = normalizeCreditCode(code);
  if (normalized.length !== 18) return `统一社会信用代码应为18位（现为${normalized.length}位）`;
  if (!SHAPE.test(normalized))
    return '统一社会信用代码只能由数字和大写字母（不含I、O、Z、S、V）组成，第3–8位应为行政区划码';
  if (creditCodeCheckCharacter(normalized.slice(0, 17)) !== normalized[17])
    return '统一社会信用代码校验位不正确';
  return null;
}

/** Whether a text is a valid 统一社会信用代码. */
export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
