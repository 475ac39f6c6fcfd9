/**
 * How often requests may be filed without signing in — the portal's form and the API's online route
 * share one policy and one count. Each accepted request takes an official registration number and
 * counts in the annual report, so the count is of registrations: per network address and per
 * applicant identity (the ID document's type and number, else the name and telephone), each at most
 * `perMinute` in a minute. A refused submission (validation, a duplicate token) gives its place back.
 * The routes also carry a coarse per-address limit on every POST (@fastify/rate-limit), against
 * floods of invalid posts. The counts are in the database (rate-counters.ts), shared by every server
 * process on it: a place is taken by adding one, and given back at once when that went beyond the
 * limit, so two servers taking the last place at the same moment cannot both have it. The clock is the
 * server's (tests set it).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { AppError } from './errors.ts';
import type { Count, RateCounters } from './rate-counters.ts';

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
  release(): Promise<void>;
}

export interface SubmissionLimiter {
  /** Takes a place for this submitter, or throws 429 (with Retry-After on the reply) when full. */
  take(submitter: Submitter, now: Date, reply: FastifyReply): Promise<Taken>;
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

/** Seconds until the window of a count beyond its limit ends (0: within the limit). */
const waitOf = (count: Count, max: number, now: number) =>
  count.count > max ? Math.max(1, Math.ceil((count.windowEnds - now) / 1000)) : 0;

export function createSubmissionLimiter(counters: RateCounters, limits: SubmissionLimits): SubmissionLimiter {
  return {
    async take(submitter, now, reply) {
      const at = now.getTime();
      const address = `submit-ip:${submitter.address}`;
      const applicant = applicantKey(submitter.applicant);
      const keys = applicant ? [address, `submit-applicant:${applicant}`] : [address];
      // both in one transaction: on SQLite one commit (bench:rate-limits)
      const [byAddress, byApplicant] = await counters.addEach(keys, at, WINDOW_MS);
      const addressWait = byAddress ? waitOf(byAddress, limits.perAddressPerMinute, at) : 0;
      const applicantWait = byApplicant ? waitOf(byApplicant, limits.perApplicantPerMinute, at) : 0;
      const wait = Math.max(addressWait, applicantWait);
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        for (const key of keys) await counters.release(key);
      };
      if (wait > 0) {
        await release();
        reply.header('retry-after', String(wait));
        const who =
          applicantWait >= addressWait
            ? `同一申请人每分钟最多提交 ${limits.perApplicantPerMinute} 件申请`
            : `同一网络地址每分钟最多提交 ${limits.perAddressPerMinute} 件申请`;
        throw new AppError('too_many_requests', `提交过于频繁：${who}，请 ${wait} 秒后再提交。`);
      }
      return { release };
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
