import { describe, expect, it } from 'vitest';
import {
  displayTrackingCode,
  isTrackingCode,
  legacyTrackingCodeFrom,
  normalizeTrackingCode,
  registrationNumber,
  TRACKING_ALPHABET,
  trackingCodeFrom,
} from './identifiers.ts';

describe('tracking codes', () => {
  it.each([
    ['all zero bytes', new Uint8Array(8), '000000000000'],
    ['all ones', new Uint8Array(8).fill(255), 'ZZZZZZZZZZZZ'],
    ['0x0123456789abcdef', Uint8Array.from([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]), '04HMASW9NF6Y'],
  ])('a code from %s', (_situation, bytes, code) => {
    expect(trackingCodeFrom(bytes)).toBe(code);
    expect(normalizeTrackingCode(code)).toBe(code);
  });

  it('has 12 characters of 5 bits each (60 bits) from an alphabet without I, L, O, U', () => {
    expect(TRACKING_ALPHABET).toHaveLength(32);
    expect(TRACKING_ALPHABET).not.toMatch(/[ILOU]/);
    expect(new Set(TRACKING_ALPHABET).size).toBe(32);
  });

  it('uses the first 60 bits: changing bit 60 changes the code, bits 61–64 do not', () => {
    const base = new Uint8Array(8);
    const bit60 = new Uint8Array(8);
    bit60[7] = 0x10;
    const bit61 = new Uint8Array(8);
    bit61[7] = 0x08;
    expect(trackingCodeFrom(bit60)).not.toBe(trackingCodeFrom(base));
    expect(trackingCodeFrom(bit61)).toBe(trackingCodeFrom(base));
  });

  it('refuses fewer than 64 random bits', () => {
    expect(() => trackingCodeFrom(new Uint8Array(7))).toThrow(RangeError);
  });

  it.each([
    ['grouped with dashes', '7KX4-9MPQ-2RTB', '7KX49MPQ2RTB'],
    ['lower case', '7kx4-9mpq-2rtb', '7KX49MPQ2RTB'],
    ['spaces between groups', ' 7KX4 9MPQ 2RTB ', '7KX49MPQ2RTB'],
    ['full-width characters and dashes', '７ＫＸ４－９ＭＰＱ－２ＲＴＢ', '7KX49MPQ2RTB'],
    ['O typed for 0, I and L for 1', 'OKX4-9MPQ-IRTL', '0KX49MPQ1RT1'],
    ['an old 32-character code', 'k7m2p9q4r8s3t6v5w2x9y4z7a3b8c5d2', 'k7m2p9q4r8s3t6v5w2x9y4z7a3b8c5d2'],
    [
      'an old code grouped and in capitals',
      'K7M2-P9Q4-R8S3-T6V5-W2X9-Y4Z7-A3B8-C5D2',
      'k7m2p9q4r8s3t6v5w2x9y4z7a3b8c5d2',
    ],
  ])('reads a code typed %s', (_situation, typed, stored) => {
    expect(normalizeTrackingCode(typed)).toBe(stored);
    expect(isTrackingCode(typed)).toBe(true);
  });

  it.each([
    ['too short', '7KX4-9MPQ'],
    ['too long', '7KX4-9MPQ-2RTB-5'],
    ['a U', '7KX4-9MPQ-2RTU'],
    ['punctuation inside', '7KX4-9M*Q-2RTB'],
    ['an old code with an ambiguous letter', `${'a'.repeat(31)}l`],
    ['an old code with a 0', `${'a'.repeat(31)}0`],
    ['empty', ''],
  ])('does not take %s for a tracking code', (_situation, text) => {
    expect(normalizeTrackingCode(text)).toBeNull();
    expect(isTrackingCode(text)).toBe(false);
  });

  it.each([
    ['a new code', '7KX49MPQ2RTB', '7KX4-9MPQ-2RTB'],
    ['a new code typed loosely', '7kx4 9mpq 2rtb', '7KX4-9MPQ-2RTB'],
    ['an old code', 'k7m2p9q4r8s3t6v5w2x9y4z7a3b8c5d2', 'k7m2-p9q4-r8s3-t6v5-w2x9-y4z7-a3b8-c5d2'],
  ])('shows %s in groups of four', (_situation, code, shown) => {
    expect(displayTrackingCode(code)).toBe(shown);
  });

  it('keeps making old codes for tests: 32 characters from 160 bits', () => {
    expect(legacyTrackingCodeFrom(new Uint8Array(20))).toBe('a'.repeat(32));
    expect(legacyTrackingCodeFrom(new Uint8Array(20).fill(255))).toBe('9'.repeat(32));
  });
});

describe('registration numbers', () => {
  it.each([
    ['临港', 2021, 3, '临港依申请〔2021〕3号'],
    ['市发改委', 2026, 120, '市发改委依申请〔2026〕120号'],
  ])('registration number of %s, %i, no. %i', (prefix, year, seq, expected) => {
    expect(registrationNumber(prefix, year, seq)).toBe(expected);
  });
});
