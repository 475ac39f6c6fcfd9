/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per password, and the cost
 * parameters stored in the hash string itself — `scrypt$N$r$p$salt$hash` (base64url) — so they can
 * be raised later without invalidating stored hashes. Verification compares in constant time.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** Cost parameters: N = 2^15, r = 8, p = 1 (≈ 32 MiB, ≈ 50–200 ms per hash). */
export const SCRYPT_DEFAULTS = { N: 32768, r: 8, p: 1 } as const;

/**
 * The cost new hashes get: SCRYPT_DEFAULTS, unless GONGKAI_SCRYPT_N asks for another N (a power of
 * two from 2^10 to 2^20). The test suite sets 2^10 (vitest.config.ts) so that its hundreds of
 * sign-ins do not cost minutes; an installation never needs to set it (docs/security.md). Hashes
 * keep their own parameters, so any stored hash verifies whatever the setting.
 */
export function scryptCost(env: Readonly<Record<string, string | undefined>> = process.env): {
  N: number;
  r: number;
  p: number;
} {
  const n = Number(env.GONGKAI_SCRYPT_N);
  if (!env.GONGKAI_SCRYPT_N || !Number.isInteger(n) || n < 1024 || n > 2 ** 20 || (n & (n - 1)) !== 0)
    return SCRYPT_DEFAULTS;
  return { ...SCRYPT_DEFAULTS, N: n };
}
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** The hash string of a password: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = scryptCost(),
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** Parses a stored hash string; null when it is not one of ours (such a password never matches). */
function parseHash(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length === 0 || key.length === 0) return null;
  return { N, r, p, salt, key };
}

/** Whether `password` matches the stored hash (constant-time comparison of the derived keys). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : null;
  if (!parsed) {
    // Same work as a real check, so a missing user or password takes as long as a wrong one.
    await derive(password, randomBytes(SALT_BYTES), scryptCost());
    return false;
  }
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
