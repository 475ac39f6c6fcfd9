/**
 * Exact money. Amounts are stored as whole 元 (integers); the annual report shows 行政事业性收费 in
 * 万元 with up to four decimal places, which is exactly one 元. No binary floats touch an amount.
 */

/** 7060000 → "706", 3500 → "0.35", 12345 → "1.2345". */
export function yuanToWan(yuan: number): string {
  if (!Number.isSafeInteger(yuan) || yuan < 0)
    throw new RangeError(`not a whole, non-negative 元 amount: ${yuan}`);
  const whole = Math.floor(yuan / 10000);
  const rest = yuan % 10000;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(4, '0').replace(/0+$/, '')}`;
}

// Up to 11 integer digits of 万元: every such amount in 元 is an exact integer in a double.
const WAN_PATTERN = /^(\d{1,11})(?:\.(\d{1,4}))?$/;

/** "706" → 7060000, "0.35" → 3500; null unless the text is exactly a decimal ≥ 0 with at most 11 + 4 digits. */
export function wanToYuan(text: string): number | null {
  const match = WAN_PATTERN.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(4, '0');
  return Number(match[1]) * 10000 + Number(fraction);
}

/** Whether a text is a decimal ≥ 0 with at most four places (R6 for the 万元 cell). */
export function isWanDecimal(text: string): boolean {
  return wanToYuan(text) !== null;
}
