/**
 * Brute-force protection of passwords (sign-in and changing one's own password) that a stranger
 * cannot turn into a lockout of someone else:
 * - per username **and** address: after `failuresBeforeDelay` failed attempts within the window,
 *   each further failure from that address locks the pair for a growing delay (1, 2, 4 … minutes,
 *   at most `maxDelayMinutes`) — the same user signing in from another address is not affected;
 * - per username from any address: after `failuresPerUsername` failures within the window (a
 *   guessing attack spread over many addresses), the username is refused from every address except
 *   the user's **usual** ones (where they signed in successfully before, as the database remembers), so
 *   the right password from the user's usual address still works;
 * - an administrator may unlock a user at once (`PATCH …/users/:username {"unlock": true}`).
 * The per-address limit of all attempts is @fastify/rate-limit on the routes. The counts are in the
 * database (rate-counters.ts), so every server process on it shares them; a usual address stays usual
 * for `USUAL_DAYS` after the user last signed in from it.
 */
import { AppError } from './errors.ts';
import type { RateCounters } from './rate-counters.ts';

/** The brute-force limits of sign-in. */
export interface SignInLimits {
  /** sign-in attempts per IP per minute (any username) */
  perIpPerMinute: number;
  /** failures of one username from one address before each further one locks that pair for a while */
  failuresBeforeDelay: number;
  /** failures of one username from all addresses within the window before unusual addresses are refused */
  failuresPerUsername: number;
  /** the longest lock of a username at an address */
  maxDelayMinutes: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perIpPerMinute: 20,
  failuresBeforeDelay: 5,
  failuresPerUsername: 50,
  maxDelayMinutes: 60,
};

const WINDOW_MS = 15 * 60 * 1000;
const MINUTE = 60_000;

/** A usual address is forgotten this many days after the user last signed in from it. */
export const USUAL_DAYS = 180;

export interface SignInThrottle {
  /** Throws 429 when this username may not try from this address now. */
  check(username: string, address: string, now: Date): Promise<void>;
  recordFailure(username: string, address: string, now: Date): Promise<void>;
  /** A right password: the pair's count ends and the address becomes one of the user's usual ones. */
  recordSuccess(username: string, address: string, now: Date): Promise<void>;
  /** An administrator's unlock: every count of the username ends. */
  unlock(username: string): Promise<void>;
}

const name = (username: string) => username.trim().toLowerCase();
const pairKey = (username: string, address: string) => `signin-pair:${name(username)}\n${address}`;
const userKey = (username: string) => `signin-user:${name(username)}`;
const usualKey = (username: string, address: string) => `signin-usual:${name(username)}\n${address}`;
const minutesUntil = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / MINUTE));

export function createSignInThrottle(
  counters: RateCounters,
  limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
): SignInThrottle {
  return {
    async check(username, address, now) {
      const at = now.getTime();
      const pk = pairKey(username, address);
      const uk = userKey(username);
      const found = await counters.read([pk, uk, usualKey(username, address)], at);
      const pair = found.get(pk);
      if (pair && pair.lockedUntil > at)
        throw new AppError(
          'too_many_requests',
          `该账号在此网络地址密码错误次数过多，请 ${minutesUntil(pair.lockedUntil, at)} 分钟后再试，或请管理员解除锁定。`,
        );
      const user = found.get(uk);
      const known = found.has(usualKey(username, address));
      if (user && user.count >= limits.failuresPerUsername && !known)
        throw new AppError(
          'too_many_requests',
          `该账号近期在多个网络地址密码错误次数过多，请 ${minutesUntil(user.windowEnds, at)} 分钟后再试，或在常用网络登录、请管理员解除锁定。`,
        );
    },
    async recordFailure(username, address, now) {
      const at = now.getTime();
      const pk = pairKey(username, address);
      const pair = await counters.add(pk, at, WINDOW_MS);
      const beyond = pair.count - limits.failuresBeforeDelay;
      if (beyond >= 0) {
        const lockedUntil = at + Math.min(2 ** beyond, limits.maxDelayMinutes) * MINUTE;
        await counters.lock(pk, lockedUntil, lockedUntil + WINDOW_MS);
      }
      await counters.add(userKey(username), at, WINDOW_MS);
    },
    async recordSuccess(username, address, now) {
      await counters.remove([pairKey(username, address)]);
      await counters.add(usualKey(username, address), now.getTime(), USUAL_DAYS * 24 * 60 * MINUTE);
    },
    async unlock(username) {
      await counters.remove([userKey(username)], [`signin-pair:${name(username)}\n`]);
    },
  };
}
