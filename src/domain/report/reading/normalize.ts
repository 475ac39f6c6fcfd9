/**
 * Text as published reports print it, made comparable: full-width digits, letters and punctuation to
 * their ASCII forms, every kind of space and line break removed (labels are split over lines:
 * 自\n然\n人), conversion debris (`[bookmark: _Hlk…]`) dropped, and numbers read exactly.
 */

const BOOKMARK = /\[bookmark:[^\]]*\]/g;

/** Full-width ASCII (！ to ～) to half-width, the ideographic space to a space. */
export function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** A label as compared: half-width, brackets and quotes unified, no spaces, no debris. */
export function labelKey(text: string): string {
  return halfWidth(text.replace(BOOKMARK, ''))
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, '')
    .replace(/[〔［【]/g, '(')
    .replace(/[〕］】]/g, ')')
    .replace(/[“”‘’「」『』"']/g, '')
    .replace(/[．·•]/g, '.')
    .replace(/[，,]/g, ',')
    .replace(/[、]/g, '、');
}

/** The text of a cell or line with debris removed and spaces collapsed (what a reader shows). */
export function cleanText(text: string): string {
  return text
    .replace(BOOKMARK, '')
    .replace(/[\u00A0\u200B\uFEFF]/g, '')
    .replace(/[ \t\u3000]+/g, ' ')
    .trim();
}

/** The unit a money amount is printed with (“251000元”, “1646.5万元”). */
export type MoneyUnit = '元' | '万元';

/** What a table cell holds, once read. */
export type CellValue =
  | { kind: 'number'; value: number; unit?: MoneyUnit }
  /** a decimal as printed (万元), digits exactly as the report has them, thousands separators removed */
  | { kind: 'decimal'; text: string; unit?: MoneyUnit }
  | { kind: 'blank' }
  | { kind: 'text'; text: string };

// A dash or slash standing for “none” in a cell: blank, not zero.
const BLANK = /^(?:[-‐‑‒–—―─－/／\\＼]|无|空)?$/;
const NUMBER = /^([-−+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * A cell's value: a whole number (“1,234”, “１２”, “-8”), a decimal (“24,252.311082”), blank
 * (empty, a dash, a slash, 无) or text. Spaces inside a number are dropped (“1 234”, a PDF's
 * letter spacing); a trailing 件/条/个/次/项 unit is allowed.
 */
export function cellValue(raw: string): CellValue {
  const text = halfWidth(raw.replace(BOOKMARK, ''))
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, '')
    .replace(/^\|+|\|+$/g, '');
  if (BLANK.test(text)) return { kind: 'blank' };
  const unitMatch = /(万元|元)$/.exec(text);
  const unit = unitMatch ? (unitMatch[1] as MoneyUnit) : undefined;
  const bare = text.replace(/(?:万元|元|[件条个次项])$/, '');
  const m = NUMBER.exec(bare.replace(/，/g, ','));
  if (!m) return { kind: 'text', text: cleanText(raw) };
  const sign = m[1] === '-' || m[1] === '−' ? '-' : '';
  const whole = (m[2] ?? '').replace(/,/g, '');
  if (m[3] !== undefined)
    return { kind: 'decimal', text: `${sign}${whole}.${m[3]}`, ...(unit ? { unit } : {}) };
  const value = Number(`${sign}${whole}`);
  if (!Number.isSafeInteger(value)) return { kind: 'text', text: cleanText(raw) };
  return { kind: 'number', value: value === 0 ? 0 : value, ...(unit ? { unit } : {}) };
}

/** Whether a cell's text reads as a value (a number or blank), not a label. */
export function isValueCell(raw: string): boolean {
  const kind = cellValue(raw).kind;
  return kind === 'number' || kind === 'decimal' || kind === 'blank';
}

/** A decimal text times 10^places, exactly (“1646.5”, 4 → “16465000”; “706”, -4 → “0.0706”). */
export function shiftDecimal(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
