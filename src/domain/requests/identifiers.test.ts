import { describe, expect, it } from 'vitest';
import { isTrackingCode, registrationNumber, trackingCodeFrom } from './identifiers.ts';

describe('request identifiers', () => {
  it.each([
    ['all zero bytes', new Uint8Array(20), 'a'.repeat(32)],
    ['all ones', new Uint8Array(20).fill(255), '9'.repeat(32)],
  ])('a tracking code from %s', (_situation, bytes, code) => {
    expect(trackingCodeFrom(bytes)).toBe(code);
    expect(isTrackingCode(code)).toBe(true);
  });

  it('uses all 160 bits: changing the last byte changes the code', () => {
    const a = new Uint8Array(20);
    const b = new Uint8Array(20);
    b[19] = 1;
    expect(trackingCodeFrom(a)).not.toBe(trackingCodeFrom(b));
  });

  it('refuses fewer than 160 random bits', () => {
    expect(() => trackingCodeFrom(new Uint8Array(16))).toThrow(RangeError);
  });

  it.each([
    ['too short', 'abc'],
    ['an ambiguous letter', `${'a'.repeat(31)}l`],
    ['upper case', 'A'.repeat(32)],
  ])('does not take %s for a tracking code', (_situation, text) => {
    expect(isTrackingCode(text)).toBe(false);
  });

  it.each([
    ['临港', 2021, 3, '临港依申请〔2021〕3号'],
    ['市发改委', 2026, 120, '市发改委依申请〔2026〕120号'],
  ])('registration number of %s, %i, no. %i', (prefix, year, seq, expected) => {
    expect(registrationNumber(prefix, year, seq)).toBe(expected);
  });
});
