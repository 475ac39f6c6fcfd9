/**
 * How often requests may be filed without signing in — the portal's form and the API's online route
 * share one policy and one count. Each accepted request takes an official registration number and
 * counts in the annual report, so the count is of registrations: per network address and per
 * applicant identity (the ID document's type and number, else the name and telephone), each at most
 * `perMinute` in a minute. A refused submission (validation, a duplicate token) gives its place back.
 * The routes also carry a coarse per-address limit on every POST (@fastify/rate-limit), against
 * floods of invalid posts. In memory, per server process; the clock is the server's (tests set it).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { LRUCache } from 'lru-cache';
import { AppError } from './errors.ts';

export interface SubmissionLimits {
  /** registrations per network address per minute */
  perAddressPerMinute: number;
  /** registrations per applicant identity per minute */
  perApplicantPerMinute: number;
  /** any POST to a submission route per address per minute (the flood guard) */
  postsPerAddressPerMinute: number;
}

export const DEFAULT_SUBMISSION_LIMITS: SubmissionLimits = {
  perAddressPerMinute: 5,
  perApplicantPerMinute: 5,
  postsPerAddressPerMinute: 30,
};

const WINDOW_MS = 60_000;

/** Who files: the address, and what identifies the applicant in the submission. */
export interface Submitter {
  address: string;
  applicant: { idType?: string; idNumber?: string; name?: string; phone?: string };
}

/** A place taken in the counts; give it back when the submission is refused. */
export interface Taken {
  release(): void;
}

export interface SubmissionLimiter {
  /** Takes a place for this submitter, or throws 429 (with Retry-After on the reply) when full. */
  take(submitter: Submitter, now: Date, reply: FastifyReply): Taken;
}

const normal = (text: string | undefined) => (text ?? '').trim().toUpperCase().replace(/\s+/g, '');

/** The applicant's key: a hash, so the counts never hold an ID number; null when nothing identifies them. */
export function applicantKey(applicant: Submitter['applicant']): string | null {
  const id = normal(applicant.idNumber);
  const basis = id
    ? `id:${normal(applicant.idType)}:${id}`
    : normal(applicant.name) && normal(applicant.phone)
      ? `contact:${normal(applicant.name)}:${normal(applicant.phone)}`
      : null;
  return basis ? createHash('sha256').update(basis).digest('base64url') : null;
}

interface Window {
  count: number;
  resetAt: number;
}

/** Fixed one-minute windows per key, at most `max` places each. */
function windows(max: number) {
  const cache = new LRUCache<string, Window>({ max: 100_000 });
  return {
    /** seconds until a place frees, or 0 when one is free now */
    wait(key: string, now: number): number {
      const w = cache.get(key);
      if (!w || w.resetAt <= now || w.count < max) return 0;
      return Math.max(1, Math.ceil((w.resetAt - now) / 1000));
    },
    take(key: string, now: number) {
      const w = cache.get(key);
      if (!w || w.resetAt <= now) cache.set(key, { count: 1, resetAt: now + WINDOW_MS });
      else w.count++;
    },
    release(key: string) {
      const w = cache.get(key);
      if (w && w.count > 0) w.count--;
    },
  };
}

export function createSubmissionLimiter(limits: SubmissionLimits): SubmissionLimiter {
  const byAddress = windows(limits.perAddressPerMinute);
  const byApplicant = windows(limits.perApplicantPerMinute);
  return {
    take(submitter, now, reply) {
      const at = now.getTime();
      const address = `ip:${submitter.address}`;
      const applicant = applicantKey(submitter.applicant);
      const addressWait = byAddress.wait(address, at);
      const applicantWait = applicant ? byApplicant.wait(applicant, at) : 0;
      const wait = Math.max(addressWait, applicantWait);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        const who =
          applicantWait >= addressWait
            ? `同一申请人每分钟最多提交 ${limits.perApplicantPerMinute} 件申请`
            : `同一网络地址每分钟最多提交 ${limits.perAddressPerMinute} 件申请`;
        throw new AppError('too_many_requests', `提交过于频繁：${who}，请 ${wait} 秒后再提交。`);
      }
      byAddress.take(address, at);
      if (applicant) byApplicant.take(applicant, at);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          byAddress.release(address);
          if (applicant) byApplicant.release(applicant);
        },
      };
    },
  };
}

/** The flood guard's @fastify/rate-limit config for a submission route: 429 in Chinese, with Retry-After. */
export function floodGuard(limits: SubmissionLimits) {
  return {
    max: limits.postsPerAddressPerMinute,
    timeWindow: WINDOW_MS,
    errorResponseBuilder: () => new AppError('too_many_requests', '提交过于频繁，请 1 分钟后再提交。'),
  };
}
