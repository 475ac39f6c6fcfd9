/** The shape of a route module: a Fastify plugin with the zod type provider and the database. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CalendarService } from '../../calendar/calendar-service.ts';
import type { Clock } from '../../commands/context.ts';
import type { Db } from '../../db/connection.ts';
import type { ReadRouter } from '../../db/replica.ts';
import type { FileStore } from '../../files/file-store.ts';
import type { LinkCheckSettings } from '../../links/settings.ts';
import type { Limiter } from '../limit.ts';
import type { SignInLimits, SignInThrottle } from '../sign-in-throttle.ts';
import type { SubmissionLimiter, SubmissionLimits } from '../submission-limits.ts';
import type { TrackingGuard, TrackingLimits } from '../tracking-guard.ts';

/** What every route module is given when it is registered. */
export interface RouteOptions {
  /** the database: on PostgreSQL with a standby, the primary */
  db: Db;
  /** what the portal reads from: the standby for anonymous GETs when one is configured, else `db` */
  readDb: Db;
  /** the standby's router (its lag for /healthz); null without a standby */
  reads: ReadRouter | null;
  /** the gate PDF rendering goes through */
  pdfLimiter: Limiter;
  /** the installation's working-day calendar */
  calendars: CalendarService;
  /** the server's clock: the instant and today in China (tests set it) */
  clock: Clock;
  /** sign-in brute-force limits */
  signInLimits: SignInLimits;
  /** password failures per username and address (sign-in, password change; unlocked by administrators) */
  signInThrottle: SignInThrottle;
  /** filing without signing in: the limits and the one count the portal form and the API share */
  submissionLimits: SubmissionLimits;
  submissions: SubmissionLimiter;
  /** tracking-code look-ups: the limits and the one count of failures the portal and the API share */
  trackingLimits: TrackingLimits;
  trackingGuard: TrackingGuard;
  /** print and store a version's PDF when it is published (else at its first download) */
  pdfAtPublish: boolean;
  /** the attachments' store, in the folder resolved once when the server was built */
  files: FileStore;
  /** where backups asked for through the API are written (GONGKAI_BACKUP_DIR); null: not set */
  backupDir: string | null;
  /** the link checker's settings (GONGKAI_LINKS_*: links/settings.ts; external links off by default) */
  linkCheck: LinkCheckSettings;
  /** the external check's fetch (default the global one; tests pass their own) */
  linkFetch?: typeof fetch;
}

/** A route module: registers its routes on the (encapsulated) instance it is given. */
export type RouteModule = FastifyPluginAsyncZod<RouteOptions>;
