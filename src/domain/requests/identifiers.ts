/** How a request is named: a secret tracking code for the applicant, a registration number for staff. */

const BASE32 = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A tracking code from 20 random bytes (160 bits): 32 characters of an unambiguous alphabet (no
 * 0/o, 1/l), never sequential. The randomness is passed in, so this stays pure.
 */
export function trackingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 20) throw new RangeError('a tracking code needs at least 160 random bits');
  let code = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes.subarray(0, 20)) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      code += BASE32[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return code;
}

/** Whether a text has the shape of a tracking code (before looking it up). */
export function isTrackingCode(text: string): boolean {
  return /^[abcdefghijkmnpqrstuvwxyz23456789]{32}$/.test(text);
}

/** “临港依申请〔2021〕3号”: the agency's prefix, the year, the number within the year. */
export function registrationNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}依申请〔${year}〕${seq}号`;
}
