/**
 * How a request is named: a secret tracking code (查询码) for the applicant, a registration number
 * for staff.
 *
 * The tracking code is read aloud on the telephone and typed from a paper letter, so it is short and
 * grouped: 12 characters of Crockford's base 32 (digits and capital letters without I, L, O and U,
 * so no two characters look alike), 60 random bits, shown as `7KX4-9MPQ-2RTB`. Input is forgiving:
 * case, spaces and dashes (half- or full-width) do not matter, and the look-alikes a person may type
 * instead (O for 0, I or L for 1) are read as what they stand for. 60 bits cannot be guessed when
 * failed look-ups are limited (docs/security.md). Codes issued before (32 characters of
 * `abcdefghijkmnpqrstuvwxyz23456789`, 160 bits) keep working.
 */

/** Crockford's base 32: 0–9 and A–Z without I, L, O, U. */
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** characters of a tracking code, each 5 bits: 60 bits */
export const TRACKING_CODE_LENGTH = 12;
/** random bytes a code is drawn from (64 bits; the first 60 are used) */
export const TRACKING_CODE_BYTES = 8;

/** The 32-character codes issued before the grouped ones (160 bits, lower case). */
const LEGACY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const LEGACY = /^[abcdefghijkmnpqrstuvwxyz23456789]{32}$/;
const CURRENT = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{12}$/;

function base32(bytes: Uint8Array, alphabet: string, length: number): string {
  let code = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && code.length < length) {
      bits -= 5;
      code += alphabet[(buffer >> bits) & 31];
    }
  }
  return code;
}

/**
 * A tracking code, as stored (12 characters, no dashes), from 8 random bytes (of which 60 bits are
 * used). The randomness is passed in, so this stays pure.
 */
export function trackingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < TRACKING_CODE_BYTES) throw new RangeError('a tracking code needs 64 random bits');
  return base32(bytes.subarray(0, TRACKING_CODE_BYTES), TRACKING_ALPHABET, TRACKING_CODE_LENGTH);
}

/** A 32-character code of the kind issued before the grouped ones (kept for tests of old codes). */
export function legacyTrackingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 20) throw new RangeError('a legacy tracking code needs 160 random bits');
  return base32(bytes.subarray(0, 20), LEGACY_ALPHABET, 32);
}

/** Spaces and dashes of any width, which people put between the groups. */
const SEPARATORS = /[\s\-‐‑‒–—―－_·.]+/g;

/**
 * The stored form of what a person typed, or null when it cannot be a tracking code: a 12-character
 * code in capitals (O read as 0, I and L as 1), or an old 32-character code in lower case.
 */
export function normalizeTrackingCode(text: string): string | null {
  const compact = text.normalize('NFKC').replace(SEPARATORS, '');
  if (compact.length === 32) {
    const legacy = compact.toLowerCase();
    return LEGACY.test(legacy) ? legacy : null;
  }
  if (compact.length !== TRACKING_CODE_LENGTH) return null;
  const code = compact.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return CURRENT.test(code) ? code : null;
}

/** Whether a text, as typed, can be a tracking code (before looking it up). */
export function isTrackingCode(text: string): boolean {
  return normalizeTrackingCode(text) !== null;
}

/** How a code is shown and read out: `7KX4-9MPQ-2RTB`; an old code in groups of four as well. */
export function displayTrackingCode(code: string): string {
  const stored = normalizeTrackingCode(code) ?? code;
  return (stored.match(/.{1,4}/g) ?? [stored]).join('-');
}

/** “临港依申请〔2021〕3号”: the agency's prefix, the year, the number within the year. */
export function registrationNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}依申请〔${year}〕${seq}号`;
}
