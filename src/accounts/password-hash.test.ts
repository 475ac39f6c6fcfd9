import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_DEFAULTS, scryptCost, verifyPassword } from './password-hash.ts';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('scrypt password hashes', () => {
  it('stores the parameters and a per-password salt in the hash string', async () => {
    const one = await hashPassword('correct horse 2026', SCRYPT_DEFAULTS);
    const two = await hashPassword('correct horse 2026', SCRYPT_DEFAULTS);
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
  });

  it.each<[string | undefined, number]>([
    [undefined, 32768],
    ['1024', 1024],
    ['65536', 65536],
    ['1000', 32768],
    ['512', 32768],
    ['abc', 32768],
    [String(2 ** 21), 32768],
  ])('GONGKAI_SCRYPT_N=%s: new hashes cost N=%i', (value, n) => {
    expect(scryptCost({ GONGKAI_SCRYPT_N: value })).toEqual({ N: n, r: 8, p: 1 });
  });

  it.each([
    ['the same password', 'correct horse 2026', true],
    ['another password', 'correct horse 2027', false],
    ['the empty string', '', false],
    ['the same password in another Unicode form', 'cafe\u0301-密码-2026', true],
  ])('verifies %s', async (_case, attempt, ok) => {
    const stored = await hashPassword('café-密码-2026', CHEAP);
    expect(await verifyPassword(attempt === 'correct horse 2026' ? 'café-密码-2026' : attempt, stored)).toBe(
      ok,
    );
  });

  it('reads the cost from the hash, so older hashes keep working', async () => {
    const stored = await hashPassword('old-password-1', CHEAP);
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('old-password-1', stored)).toBe(true);
  });

  it.each([
    ['no hash (a user without a password)', null],
    ['another algorithm', '$2b$10$abcdefghijklmnopqrstuv'],
    ['absurd parameters', 'scrypt$99999999$8$1$AAAA$AAAA'],
    ['a truncated string', 'scrypt$1024$8$1$AAAA'],
  ])('never matches %s', async (_case, stored) => {
    expect(await verifyPassword('anything-at-all-1', stored)).toBe(false);
  });
});
