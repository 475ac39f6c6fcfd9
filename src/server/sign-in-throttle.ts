/**
 * Brute-force protection of passwords (sign-in and changing one's own password) that a stranger
 * cannot turn into a lockout of someone else:
 * - per username **and** address: after `failuresBeforeDelay` failed attempts within the window,
 *   each further failure from that address locks the pair for a growing delay (1, 2, 4 … minutes,
 *   at most `maxDelayMinutes`) — the same user signing in from another address is not affected;
 * - per username from any address: after `failuresPerUsername` failures within the window (a
 *   guessing attack spread over many addresses), the username is refused from every address except
 *   the user's **usual** ones (where they signed in successfully before, as this process saw), so
 *   the right password from the user's usual address still works;
 * - an administrator may unlock a user at once (`PATCH …/users/:username {"unlock": true}`).
 * The per-address limit of all attempts is @fastify/rate-limit on the routes. In memory, per server
 * process (a restart forgets the counts and the usual addresses).
 */
import { LRUCache } from 'lru-cache';
import { AppError } from './errors.ts';

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

export interface SignInThrottle {
  /** Throws 429 when this username may not try from this address now. */
  check(username: string, address: string, now: Date): void;
  recordFailure(username: string, address: string, now: Date): void;
  /** A right password: the pair's count ends and the address becomes one of the user's usual ones. */
  recordSuccess(username: string, address: string): void;
  /** An administrator's unlock: every count of the username ends. */
  unlock(username: string): void;
}

interface PairState {
  failures: number;
  windowEnds: number;
  lockedUntil: number;
}

interface UserState {
  failures: number;
  windowEnds: number;
}

const key = (username: string) => username.trim().toLowerCase();
const minutesUntil = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / MINUTE));

export function createSignInThrottle(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): SignInThrottle {
  const pairs = new LRUCache<string, PairState>({ max: 100_000 });
  const users = new LRUCache<string, UserState>({ max: 100_000 });
  const usual = new LRUCache<string, Set<string>>({ max: 100_000 });
  const pairKey = (username: string, address: string) => `${key(username)}\n${address}`;
  return {
    check(username, address, now) {
      const at = now.getTime();
      const pair = pairs.get(pairKey(username, address));
      if (pair && pair.lockedUntil > at)
        throw new AppError(
          'too_many_requests',
          `该账号在此网络地址密码错误次数过多，请 ${minutesUntil(pair.lockedUntil, at)} 分钟后再试，或请管理员解除锁定。`,
        );
      const user = users.get(key(username));
      const known = usual.get(key(username))?.has(address) ?? false;
      if (user && user.windowEnds > at && user.failures >= limits.failuresPerUsername && !known)
        throw new AppError(
          'too_many_requests',
          `该账号近期在多个网络地址密码错误次数过多，请 ${minutesUntil(user.windowEnds, at)} 分钟后再试，或在常用网络登录、请管理员解除锁定。`,
        );
    },
    recordFailure(username, address, now) {
      const at = now.getTime();
      const k = pairKey(username, address);
      const pair = pairs.get(k);
      const current =
        pair && pair.windowEnds > at ? pair : { failures: 0, windowEnds: at + WINDOW_MS, lockedUntil: 0 };
      current.failures++;
      const beyond = current.failures - limits.failuresBeforeDelay;
      if (beyond >= 0) {
        const delay = Math.min(2 ** beyond, limits.maxDelayMinutes) * MINUTE;
        current.lockedUntil = at + delay;
        current.windowEnds = Math.max(current.windowEnds, current.lockedUntil + WINDOW_MS);
      }
      pairs.set(k, current);
      const u = users.get(key(username));
      const all = u && u.windowEnds > at ? u : { failures: 0, windowEnds: at + WINDOW_MS };
      all.failures++;
      users.set(key(username), all);
    },
    recordSuccess(username, address) {
      pairs.delete(pairKey(username, address));
      const known = usual.get(key(username)) ?? new Set<string>();
      known.add(address);
      if (known.size > 20) known.delete(known.values().next().value as string);
      usual.set(key(username), known);
    },
    unlock(username) {
      users.delete(key(username));
      const prefix = `${key(username)}\n`;
      for (const k of [...pairs.keys()]) if (k.startsWith(prefix)) pairs.delete(k);
    },
  };
}
