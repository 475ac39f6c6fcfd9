/**
 * 索引号, the permanent number of an item in the agency's 政府信息公开目录. The format follows the
 * national directory's convention (`组织机构代码/年份-流水号`, e.g. 000014349/2021-00123) with the
 * 第二十条 category added between year and number:
 *
 *     {prefix}/{year}-{category:2}-{seq:5}      e.g.  11371000MB2856987K/2021-07-00012
 *
 * - prefix: the agency's 统一社会信用代码 or 组织机构代码 as configured, else its code in upper case;
 * - year: the year of publication (the number is given when the item is published);
 * - category: 01–15 for 第二十条 (一)–(十五), 99 for other;
 * - seq: the agency's running number within the year (all categories share it), five digits.
 *
 * A number once given never changes, even if the item's category is later corrected.
 */
import { categoryDigits, type StatutoryCategory } from './categories.ts';

const PREFIX = /^[0-9A-Z-]{1,32}$/;

/** Whether a text may be an index-number prefix: 1–32 of 0-9, A-Z and -. */
export function isIndexPrefix(text: string): boolean {
  return PREFIX.test(text);
}

/** The prefix to use: the configured one, else the agency code in upper case (`lingang` → `LINGANG`). */
export function indexPrefixOf(configured: string | null | undefined, agencyCode: string): string {
  if (configured && isIndexPrefix(configured)) return configured;
  return agencyCode
    .toUpperCase()
    .replace(/[^0-9A-Z-]/g, '-')
    .slice(0, 32);
}

/** The index number of the `seq`-th item the agency publishes in `year`. */
export function indexNumber(prefix: string, year: number, category: StatutoryCategory, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 99_999) {
    throw new RangeError(`index number sequence out of range: ${seq}`);
  }
  return `${prefix}/${year}-${categoryDigits(category)}-${String(seq).padStart(5, '0')}`;
}
