/**
 * Brute-force protection per username (the per-IP limit is @fastify/rate-limit on the route): after
 * `maxFailures` failed sign-ins within `windowMs`, that username is refused (429) until the window
 * ends, whichever IP tries. In memory, per server process.
 */
import { AppError } from './errors.ts';

/** The brute-force limits of sign-in. */
export interface SignInLimits {
  /** sign-in attempts per IP per minute */
  perIpPerMinute: number;
  /** failed sign-ins per username per 15 minutes */
  failuresPerUsername: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perIpPerMinute: 20, failuresPerUsername: 5 };

/** Counts failures per username. */
export interface SignInThrottle {
  /** Throws 429 when the username is locked for now. */
  check(username: string, now: Date): void;
  recordFailure(username: string, now: Date): void;
  recordSuccess(username: string): void;
}

/** A throttle of `maxFailures` per `windowMs` per username. */
export function createSignInThrottle(maxFailures = 5, windowMs = 15 * 60 * 1000): SignInThrottle {
  const failures = new Map<string, { count: number; until: number }>();
  const key = (username: string) => username.trim().toLowerCase();
  return {
    check(username, now) {
      const entry = failures.get(key(username));
      if (!entry) return;
      if (entry.until <= now.getTime()) {
        failures.delete(key(username));
        return;
      }
      if (entry.count >= maxFailures) {
        const minutes = Math.ceil((entry.until - now.getTime()) / 60_000);
        throw new AppError('too_many_requests', `该账号登录失败次数过多，请 ${minutes} 分钟后再试。`);
      }
    },
    recordFailure(username, now) {
      const current = failures.get(key(username));
      if (current && current.until > now.getTime()) current.count++;
      else failures.set(key(username), { count: 1, until: now.getTime() + windowMs });
      if (failures.size > 100_000) failures.delete(failures.keys().next().value as string);
    },
    recordSuccess(username) {
      failures.delete(key(username));
    },
  };
}
