/** How a value prints in a letter: dates in Chinese, numbers as digits, a blank where none is given. */
import { isIsoDate } from '../dates.ts';

/** What a missing value prints as: a line to fill in by hand, visible in a draft. */
export const BLANK = '＿＿＿＿';

/**
 * An ISO date the way an official document writes it (GB/T 9704—2012 7.3.5: Arabic numerals,
 * month and day without a leading zero): “2026-11-26” → “2026年11月26日”, “2021-03-02” → “2021年3月2日”.
 */
export function chineseDate(iso: string): string {
  if (!isIsoDate(iso)) throw new RangeError(`日期格式应为YYYY-MM-DD：${iso}`);
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * A value as text, or undefined when there is none to print (missing, blank, or not printable):
 * dates given in `datePaths` in Chinese, true/false as 是/否, a list of texts joined with “、”.
 */
export function printValue(path: string, value: unknown, datePaths: ReadonlySet<string>): string | undefined {
  if (typeof value === 'string') {
    if (!value.trim()) return undefined;
    return datePaths.has(path) && isIsoDate(value.trim()) ? chineseDate(value.trim()) : value;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.length > 0 ? value.join('、') : undefined;
  }
  return undefined;
}
