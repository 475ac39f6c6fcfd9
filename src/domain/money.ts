/**
 * Exact money. Amounts are stored as whole 分 (integers): 1 元 = 100 分, 1 万元 = 1,000,000 分, so
 * the six decimals of 万元 real reports print (24252.311082 万元 = 242,523,110.82 元 =
 * 24,252,311,082 分) and the two of 元 are both exact. Texts are read and written digit by digit:
 * no binary float ever holds an amount.
 *
 * Bounds: every amount is at most MAX_FEN = 999,999,999,999,999 分 (below 2^53, so exact in a
 * JavaScript number and in a bigint column): up to 9 integer digits of 万元 (999,999,999.999999)
 * or 13 of 元 (9,999,999,999,999.99).
 */

/** The largest amount accepted: 999,999,999,999,999 分 (< Number.MAX_SAFE_INTEGER). */
export const MAX_FEN = 999_999_999_999_999;

/** 分 per 元 and per 万元. */
const FEN_PER = { yuan: 100, wan: 1_000_000 } as const;
/** Decimal places of each unit that are still whole 分. */
const PLACES = { yuan: 2, wan: 6 } as const;
/** Integer digits of each unit within MAX_FEN. */
const INTEGER_DIGITS = { yuan: 13, wan: 9 } as const;

export type MoneyUnit = keyof typeof FEN_PER;

/** How an amount is written in a unit's text, as messages name it. */
export const UNIT_LABEL: Record<MoneyUnit, string> = { yuan: '元', wan: '万元' };

function requireFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_FEN)
    throw new RangeError(`not a whole, non-negative 分 amount within ${MAX_FEN}: ${fen}`);
}

/** The text of `fen` in `unit`, trailing zeros of the fraction dropped (“706”, “0.35”). */
function fenToText(fen: number, unit: MoneyUnit): string {
  requireFen(fen);
  const per = FEN_PER[unit];
  const whole = Math.floor(fen / per);
  const rest = fen % per;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(PLACES[unit], '0').replace(/0+$/, '')}`;
}

/** 706,000,000 分 → "706" 万元; 350,000 → "0.35"; 24,252,311,082 → "24252.311082" (no trailing zeros). */
export function fenToWan(fen: number): string {
  return fenToText(fen, 'wan');
}

/** 18,471,900 分 → "184719" 元; 50 → "0.50"; 24,252,311,082 → "242523110.82": whole 元 bare, else two decimals. */
export function fenToYuan(fen: number): string {
  const text = fenToText(fen, 'yuan');
  const dot = text.indexOf('.');
  return dot === -1 ? text : text.padEnd(dot + 3, '0');
}

/** Why a text is not an amount, as a phrase a message puts after “应为…”. */
export type MoneyProblem = 'format' | 'negative' | 'decimals' | 'too_large';

export type MoneyReading = { ok: true; fen: number } | { ok: false; problem: MoneyProblem };

export interface MoneyTextOptions {
  /** accept “24,252.311082” (commas every three digits of the integer part); off unless the caller says */
  thousandsSeparators?: boolean;
}

const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Reads an amount written in `unit` (“24252.311082” 万元, “184718.60” 元) as 分: digits, at most one
 * decimal point with digits on both sides, at most six decimals of 万元 or two of 元, nothing else
 * (no sign, exponent, spaces, full-width digits or unit); thousands separators only when allowed.
 */
export function readMoney(text: string, unit: MoneyUnit, options: MoneyTextOptions = {}): MoneyReading {
  if (/^-\d/.test(text)) return { ok: false, problem: 'negative' };
  const grouped = options.thousandsSeparators ? GROUPED.exec(text) : null;
  const match = grouped ?? PLAIN.exec(text);
  if (!match) return { ok: false, problem: 'format' };
  const integer = match[1].replaceAll(',', '').replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > PLACES[unit]) return { ok: false, problem: 'decimals' };
  if (integer.length > INTEGER_DIGITS[unit]) return { ok: false, problem: 'too_large' };
  // Both parts are integers below 2^53, and so is their sum: exact.
  const fen = Number(integer) * FEN_PER[unit] + Number(fraction.padEnd(PLACES[unit], '0'));
  return fen > MAX_FEN ? { ok: false, problem: 'too_large' } : { ok: true, fen };
}

/** "24252.311082" 万元 → 24,252,311,082 分; null unless readMoney accepts it. */
export function wanToFen(text: string, options: MoneyTextOptions = {}): number | null {
  const reading = readMoney(text, 'wan', options);
  return reading.ok ? reading.fen : null;
}

/** "184718.6" 元 → 18,471,860 分; null unless readMoney accepts it. */
export function yuanToFen(text: string, options: MoneyTextOptions = {}): number | null {
  const reading = readMoney(text, 'yuan', options);
  return reading.ok ? reading.fen : null;
}

/** Whether a text is an amount in 万元 with at most six decimals (R6 for the 万元 cell). */
export function isWanDecimal(text: string): boolean {
  return wanToFen(text) !== null;
}

/** What an amount in `unit` must look like, for a message: “不小于0、最多六位小数的金额（万元）”. */
export function moneyWanted(unit: MoneyUnit): string {
  return `不小于0、最多${unit === 'wan' ? '六' : '两'}位小数的金额（${UNIT_LABEL[unit]}），不超过${fenToText(MAX_FEN, unit)}${UNIT_LABEL[unit]}`;
}

const PROBLEM_TEXT: Record<MoneyProblem, (unit: MoneyUnit) => string> = {
  format: () => '不是数字写法',
  negative: () => '不能为负数',
  decimals: (unit) =>
    `小数超过${unit === 'wan' ? '六' : '两'}位（1分为${unit === 'wan' ? '0.000001万元' : '0.01元'}）`,
  too_large: (unit) => `超过上限${fenToText(MAX_FEN, unit)}${UNIT_LABEL[unit]}`,
};

/**
 * A Chinese sentence about a bad amount, naming the field and the limit:
 * “行政事业性收费（万元）的值“1.2345678”小数超过六位（1分为0.000001万元），应为不小于0、最多六位小数的金额（万元）…”.
 */
export function moneyMessage(field: string, text: string, problem: MoneyProblem, unit: MoneyUnit): string {
  return `${field}的值“${text}”${PROBLEM_TEXT[problem](unit)}，应为${moneyWanted(unit)}。`;
}

/**
 * An amount as the agency entered it: its 分 and its text in the field's unit, which is what the
 * report prints (“706”, “0.350000”, “24252.311082”). `agrees` checks a stored pair.
 */
export interface EnteredAmount {
  fen: number;
  text: string;
}

/** Whether a stored text still reads as the stored 分 (a row whose two columns disagree is corrupt). */
export function agrees(amount: EnteredAmount, unit: MoneyUnit): boolean {
  const reading = readMoney(amount.text, unit);
  return reading.ok && reading.fen === amount.fen;
}
