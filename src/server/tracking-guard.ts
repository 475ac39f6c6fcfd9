/**
 * Guessing tracking codes (查询码), limited per network address. A code has 60 random bits; what
 * makes guessing hopeless is that failed look-ups are counted: after `failuresPerAddress` codes
 * that find nothing (malformed or unknown) within `windowMinutes`, the address is refused every
 * look-up — the portal's tracking page, the API's `/api/v1/track/:code` and the letters by code,
 * one count — until the window ends (429, Retry-After, a Chinese sentence). A code that is found
 * does not clear the count, so a known code cannot be mixed in to keep guessing. Every look-up, found
 * or not, also counts against a coarse per-address limit (@fastify/rate-limit, `trackingRateLimit`).
 * The counts are in the database (rate-counters.ts), shared by every server process on it, like the
 * submission limits; the clock is the server's.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from './errors.ts';
import type { RateCounters } from './rate-counters.ts';

export interface TrackingLimits {
  /** look-ups that find nothing per address within the window before the address is refused */
  failuresPerAddress: number;
  /** the window of the failures, in minutes */
  windowMinutes: number;
  /** any look-up per address per minute (@fastify/rate-limit) */
  lookupsPerAddressPerMinute: number;
}

export const DEFAULT_TRACKING_LIMITS: TrackingLimits = {
  failuresPerAddress: 10,
  windowMinutes: 15,
  lookupsPerAddressPerMinute: 60,
};

export interface TrackingGuard {
  /** Throws 429 (with Retry-After on the reply) when this address has failed too often lately. */
  check(address: string, now: Date, reply: FastifyReply): Promise<void>;
  /** A look-up that found nothing. */
  recordFailure(address: string, now: Date): Promise<void>;
}

const MINUTE = 60_000;

/** The refusal: how many failures, and when to come back. */
export function tooManyFailures(limits: TrackingLimits, seconds: number): AppError {
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return new AppError(
    'too_many_requests',
    `查询码输入错误次数过多：同一网络地址 ${limits.windowMinutes} 分钟内最多可输错 ${limits.failuresPerAddress} 次，请 ${wait}后再查询，并核对查询码（受理回执或告知书上印有查询码）。`,
  );
}

export function createTrackingGuard(
  counters: RateCounters,
  limits: TrackingLimits = DEFAULT_TRACKING_LIMITS,
): TrackingGuard {
  const key = (address: string) => `track:${address}`;
  return {
    async check(address, now, reply) {
      const at = now.getTime();
      const f = (await counters.read([key(address)], at)).get(key(address));
      if (!f || f.count < limits.failuresPerAddress) return;
      const seconds = Math.max(1, Math.ceil((f.windowEnds - at) / 1000));
      reply.header('retry-after', String(seconds));
      throw tooManyFailures(limits, seconds);
    },
    async recordFailure(address, now) {
      await counters.add(key(address), now.getTime(), limits.windowMinutes * MINUTE);
    },
  };
}

/** The coarse @fastify/rate-limit config of a look-up route: 429 in Chinese, with Retry-After. */
export function trackingRateLimit(limits: TrackingLimits) {
  return {
    max: limits.lookupsPerAddressPerMinute,
    timeWindow: MINUTE,
    errorResponseBuilder: () => new AppError('too_many_requests', '查询过于频繁，请 1 分钟后再查询。'),
  };
}
