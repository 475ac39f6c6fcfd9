/**
 * The HTTP server: Fastify 5 with zod schemas at the boundary, the OpenAPI document and its UI,
 * one error handler, security headers, and the route modules of `routes/`.
 */

import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createCalendarService } from '../calendar/calendar-service.ts';
import { clockOf, systemClock } from '../commands/context.ts';
import { type ChangeNotices, startChangeNotices } from '../db/change-notices.ts';
import type { Db } from '../db/connection.ts';
import { createReadRouter, type ReadRouter } from '../db/replica.ts';
import { createFileStore, type FileStore } from '../files/file-store.ts';
import { fileStoreFromEnv } from '../files/files-config.ts';
import { resolveBackupDir } from '../files/files-dir.ts';
import { type LinkCheckSettings, linkCheckSettings } from '../links/settings.ts';
import { createSiteService, registerSiteIdentity } from '../portal/site.ts';
import { registerAccessGate } from './access.ts';
import { CONSOLE_DIST } from './console/paths.ts';
import { consoleRoutes } from './console/routes.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { registerIdentity } from './identity.ts';
import { createLimiter } from './limit.ts';
import { requestSerializer } from './log-redaction.ts';
import { memoryRateCounters } from './memory-rate-counters.ts';
import { registerPolicyGate } from './policy-gate.ts';
import { createRateCounters } from './rate-counters.ts';
import { rateLimitStore } from './rate-limit-store.ts';
import { registerReadRouting } from './read-routing-hooks.ts';
import { ROUTE_MODULES } from './routes/index.ts';
import { DOCS_PREFIX, registerSecurityHeaders } from './security.ts';
import { createSignInThrottle, DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './sign-in-throttle.ts';
import {
  createSubmissionLimiter,
  DEFAULT_SUBMISSION_LIMITS,
  type SubmissionLimits,
} from './submission-limits.ts';
import { createTrackingGuard, DEFAULT_TRACKING_LIMITS, type TrackingLimits } from './tracking-guard.ts';
import { parseQueryString, registerNulAddressCheck, registerUtf8Check } from './utf8.ts';

export interface ServerOptions {
  /** the database (on PostgreSQL, the primary: every write and every staff read) */
  db: Db;
  /**
   * PostgreSQL: a hot standby of `db` (DATABASE_REPLICA_URL) answering the portal's anonymous reads
   * (db/replica.ts); closed with the server
   */
  replica?: Db;
  /**
   * PostgreSQL: tell the installation's other server processes of changes to what the portal caches,
   * and hear theirs (LISTEN/NOTIFY, db/change-notices.ts). `gongkai serve` sets it; default off.
   */
  changeNotices?: boolean;
  /** false (default) for none, true for pino's defaults, or pino options (or a pino logger) */
  logger?: boolean | object;
  /** the current instant; tests pass a fixed clock */
  now?: () => Date;
  /** the staff console's build served at /console (default dist/console) */
  consoleDir?: string;
  /**
   * Trust the `X-Gongkai-User` header as the caller's identity (when there is no session). Only
   * for tests and tools: `gongkai serve` never sets it, so production callers must sign in.
   */
  trustUserHeader?: boolean;
  /**
   * The reverse proxies whose X-Forwarded-For/-Proto count (GONGKAI_TRUST_PROXY, a list: see
   * trust-proxy.ts); `true` (anyone) only for tests
   */
  trustProxy?: boolean | string | string[];
  /** sign-in brute-force limits (defaults: 20 per IP per minute, 5 failures per username per 15 minutes) */
  signInLimits?: Partial<SignInLimits>;
  /** filing requests without signing in (defaults: 5 registrations a minute per address and per applicant) */
  submissionLimits?: Partial<SubmissionLimits>;
  /** tracking-code look-ups (defaults: 10 failures per address per 15 minutes, 60 look-ups a minute) */
  trackingLimits?: Partial<TrackingLimits>;
  /**
   * Print and store a version's PDF when it is published or corrected (default true). false: at its
   * first download instead — for test suites that publish often and never download the PDF.
   */
  pdfAtPublish?: boolean;
  /**
   * the attachments' folder, absolute (default: resolveFilesDir — GONGKAI_FILES_DIR, else `files`
   * beside a SQLite database file), read once here
   */
  filesDir?: string;
  /** the attachments' store, when not a folder of `filesDir` (default: fileStoreFromEnv — GONGKAI_FILES) */
  files?: FileStore;
  /** where backups asked for through the API go (default GONGKAI_BACKUP_DIR, absolute; null: none) */
  backupDir?: string | null;
  /** the link checker's settings over those of the environment (GONGKAI_LINKS_*; tests bound the crawl) */
  linkCheck?: Partial<LinkCheckSettings>;
  /** the external link check's fetch (tests answer the portal's own external links without the network) */
  linkFetch?: typeof fetch;
  /** called for every route registered (test/authorization.test.ts enumerates them) */
  onRoute?: (route: RouteOptions) => void;
}

const ONE_MIB = 1024 * 1024;
/** PDF rendering starts a Chromium: at most this many at once, this many more waiting. */
const PDF_CONCURRENCY = 2;
const PDF_QUEUE = 8;
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

const isLoggerInstance = (value: object): boolean =>
  typeof (value as { info?: unknown }).info === 'function' &&
  typeof (value as { child?: unknown }).child === 'function';

/** Fastify's logger options for `logger`: none, defaults with secrets redacted, given options, or an instance. */
function loggerOptions(
  logger: ServerOptions['logger'],
): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (!logger) return { logger: false };
  const serializers = { req: requestSerializer };
  if (logger === true) return { logger: { redact: REDACT, serializers } };
  if (isLoggerInstance(logger)) return { loggerInstance: logger as FastifyServerOptions['loggerInstance'] };
  return { logger: { redact: REDACT, serializers, ...logger } };
}

/** The LISTEN/NOTIFY bridge of a PostgreSQL server that asked for it (db/change-notices.ts). */
function startNotices(
  app: FastifyInstance,
  options: ServerOptions,
  reads: ReadRouter | null,
): ChangeNotices | null {
  if (!options.changeNotices || options.db.dialect !== 'postgres') return null;
  return startChangeNotices(options.db, {
    fence: reads ?? undefined,
    log: (message, error) => app.log.warn({ err: error }, message),
  });
}

/** Builds the server (not listening yet): register order matters, swagger must see every route. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(options.logger),
    bodyLimit: ONE_MIB,
    requestTimeout: 120_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true, querystringParser: parseQueryString },
    trustProxy: options.trustProxy ?? false,
  });
  const clock = options.now ? clockOf(options.now) : systemClock;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await registerSecurityHeaders(app);
  await app.register(cookie);
  const reads = options.replica ? createReadRouter(options.db, options.replica) : null;
  if (reads) registerReadRouting(app, reads);
  const notices = startNotices(app, options, reads);
  await notices?.ready;
  app.addHook('onClose', async () => {
    await notices?.close();
    await reads?.close();
  });
  // what the public reads: the standby's connections for an anonymous GET (when there is one)
  const readDb = reads?.db ?? options.db;
  // rate limits: on PostgreSQL counted in the primary (shared by every server process of the
  // installation); SQLite has one server process, whose counts stay in it (memory-rate-counters.ts)
  const rateCounters =
    options.db.dialect === 'postgres' ? createRateCounters(options.db) : memoryRateCounters(options.db);
  await app.register(rateLimit, { global: false, store: rateLimitStore(rateCounters) });
  // before every hook that reads the address (the access gate looks up its agency)
  registerNulAddressCheck(app);
  registerIdentity(app, {
    db: options.db,
    now: clock.now,
    trustUserHeader: options.trustUserHeader === true,
  });
  registerAccessGate(app, options.db);
  registerPolicyGate(app);
  registerUtf8Check(app);
  registerSiteIdentity(app, options.db, createSiteService(readDb));
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Gongkai 政府信息公开平台 API',
        description: '政府信息公开工作年度报告：机关、年度报告（JSON）及其 HTML、DOCX、PDF 文件。',
        version: '0.1.0',
      },
      tags: [
        { name: 'system', description: '运行状态' },
        { name: 'session', description: '登录、退出、修改密码（会话 Cookie 与 CSRF 令牌）' },
        { name: 'users', description: '用户与角色：机关管理员管理本机关用户，平台管理员管理全部' },
        { name: 'agencies', description: '机关' },
        { name: 'reports', description: '政府信息公开工作年度报告' },
        { name: 'requests', description: '依申请公开：登记、办理、答复（工作人员）' },
        { name: 'public', description: '公众：在线申请、查询办理进度、期限计算' },
        { name: 'calendar', description: '工作日历：法定节假日与调休' },
        { name: 'items', description: '主动公开：信息的起草、保密审查、发布、撤回' },
        { name: 'registry', description: '规章和行政规范性文件：制发、修改、废止、清理' },
        { name: 'new-media', description: '政务新媒体：账号登记、关停、注销，更新情况与年度统计' },
        { name: 'search', description: '全文检索' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });

  const pdfLimiter = createLimiter(PDF_CONCURRENCY, PDF_QUEUE);
  const calendars = createCalendarService(options.db);
  const signInLimits = { ...DEFAULT_SIGN_IN_LIMITS, ...options.signInLimits };
  const submissionLimits = { ...DEFAULT_SUBMISSION_LIMITS, ...options.submissionLimits };
  const submissions = createSubmissionLimiter(rateCounters, submissionLimits);
  const signInThrottle = createSignInThrottle(rateCounters, signInLimits);
  const trackingLimits = { ...DEFAULT_TRACKING_LIMITS, ...options.trackingLimits };
  const trackingGuard = createTrackingGuard(rateCounters, trackingLimits);
  const files =
    options.files ??
    (options.filesDir ? createFileStore(options.filesDir) : fileStoreFromEnv(process.env, options.db));
  const backupDir = options.backupDir === undefined ? resolveBackupDir(process.env) : options.backupDir;
  for (const routes of ROUTE_MODULES)
    await app.register(routes, {
      db: options.db,
      readDb,
      reads,
      pdfLimiter,
      calendars,
      clock,
      signInLimits,
      signInThrottle,
      submissionLimits,
      submissions,
      trackingLimits,
      trackingGuard,
      pdfAtPublish: options.pdfAtPublish ?? true,
      files,
      backupDir,
      linkCheck: { ...linkCheckSettings(process.env), ...options.linkCheck },
      linkFetch: options.linkFetch,
    });
  await app.register(consoleRoutes, { dir: options.consoleDir ?? CONSOLE_DIST });
  return app;
}
