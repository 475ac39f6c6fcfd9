/**
 * Authorization before anything else runs (secure by default): every route is staff-only unless
 * it is listed in PUBLIC_ROUTES with the reason it may be public. A staff route needs a signed-in
 * caller (else 401); a route of an agency (`:code` in the path) needs a staff role in that agency (else
 * 403) — or, for that agency's user administration, a platform administrator; for its 年报体检
 * batches, a supervisor over it (or, to read them, a platform administrator); for its staff reads, a
 * supervisor over it (domain/supervision/policy.ts); for the supervision of its subtree (`policy:
 * 'supervisor'`), a supervisor over it or a platform administrator; the
 * installation's users and calendar changes need a platform administrator. Handlers then ask the
 * area's policy table in src/domain for the specific verb. test/authorization.test.ts calls every route as a
 * user of another agency and as nobody.
 */

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadActor, loadAgency, type RequestAgency } from '../accounts/load-actor.ts';
import type { Db } from '../db/connection.ts';
import { worksIn } from '../domain/accounts/actor.ts';
import { PLATFORM_ONLY } from '../domain/policies.ts';
import { readsReportChecksOf } from '../domain/report-checks/policy.ts';
import { supervises, supervisorMayRead } from '../domain/supervision/policy.ts';
import { ttlCache } from '../portal/cache.ts';
import { decorateActor } from './actor.ts';
import { AppError } from './errors.ts';

/** Routes anyone may call ("METHOD url" as registered; HEAD counts as GET), each with its reason. */
export const PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  'GET /healthz': 'health check for the load balancer; no data',
  'GET /api/v1/agencies': 'the list of agencies and their report years',
  'GET /api/v1/public/agencies/:code/reports': 'the published annual reports (frozen versions) only',
  'GET /api/v1/public/agencies/:code/reports/:year': 'a published annual report (latest version) only',
  'GET /api/v1/public/agencies/:code/reports/:year.:format': 'a published annual report as a file',
  'GET /api/v1/public/agencies/:code/reports/:year/versions/:version.:format':
    'one published version of an annual report as a file',
  'GET /api/v1/public/reports.:file':
    'open data: the latest published version of every agency’s report of a year',
  'GET /api/v1/public/agencies/:code/reports.:file':
    'open data: an agency’s published reports (latest versions)',
  'GET /api/v1/public/agencies/:code/reports/:year/open-data.:file':
    'open data: a published annual report (latest version) by cell code',
  'GET /api/v1/public/report-schemas/:format.json': 'the JSON Schema of the open data; no agency data',
  'POST /api/v1/agencies/:code/requests/online': 'the public online request form (条例第二十九条)',
  'GET /api/v1/track/:trackingCode': 'an applicant tracks their own request by its secret tracking code',
  'GET /api/v1/track/:trackingCode/letters/:letterId.:format':
    'an applicant downloads the letters sent to them',
  'GET /api/v1/deadline': 'the public deadline calculator; no agency data',
  'GET /api/v1/calendar': 'the national working-day calendar; no agency data',
  'GET /api/v1/agencies/:code/published-items': 'published items (主动公开) only',
  'GET /api/v1/agencies/:code/published-items/:id': 'one published item only',
  'GET /api/v1/agencies/:code/published-items/:id/attachments/:attachmentId':
    'attachments of published items',
  'GET /api/v1/agencies/:code/item-columns': 'the agency’s public catalogue columns (法定主动公开目录)',
  'GET /api/v1/agencies/:code/normative-documents': '规章 and 行政规范性文件 in force: public by law',
  'GET /api/v1/search': 'full-text search of published items only',
  'POST /api/v1/session': 'signing in',
  'GET /api/v1/session': 'answers 401 when not signed in; a session shows only its own user',
  'DELETE /api/v1/session': 'signing out (CSRF-checked when a session exists)',
};

/** URL prefixes anyone may call, with the reason. */
export const PUBLIC_PREFIXES: Readonly<Record<string, string>> = {
  '/api/docs': 'the OpenAPI documentation',
};

/**
 * Whether a registered route (method and URL pattern) is public. Routes outside `/api/` are the
 * portal's server-rendered public pages (the staff work in the console, through the API).
 */
export function isPublicRoute(method: string, url: string): boolean {
  if (!url.startsWith('/api/')) return true;
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  if (PUBLIC_ROUTES[key] !== undefined) return true;
  return Object.keys(PUBLIC_PREFIXES).some((prefix) => url === prefix || url.startsWith(`${prefix}/`));
}

/**
 * How long a public route keeps an agency it has found. Agencies' codes, names and places in the
 * tree change only by an import (`gongkai import`) or the platform administrator's agency tree
 * (`gongkai agency …`, 机构管理; often another process, which no in-process signal reaches), so a public route may see such a change up to this late; what it writes is checked
 * against the agency row inside its own transaction all the same.
 */
export const PUBLIC_AGENCY_TTL_MS = 5_000;

const USERS_OF_AGENCY = '/api/v1/agencies/:code/users';
const REPORT_CHECKS_OF_AGENCY = '/api/v1/agencies/:code/report-checks';
/** Installation-level routes only a platform administrator may call (users, calendar changes, backups, the agency tree). */
export const PLATFORM_ADMIN_PREFIXES = [
  '/api/v1/users',
  '/api/v1/calendar/',
  '/api/v1/backups',
  '/api/v1/agency-tree',
] as const;

/**
 * Installs the gate (after identity.ts's hook, so `request.identity` is known). It resolves the
 * caller once (`request.actor`) and the route's agency (`request.agency`, also on public routes
 * with `:code`), and answers, in this order: 401 without a user, 404 for an unknown agency, 403
 * without a staff role in the agency (a supervisor over it is admitted to its reads only) or, on the
 * installation's routes, without being a platform administrator.
 */
export function registerAccessGate(app: FastifyInstance, db: Db): void {
  decorateActor(app);
  // A public route's agency (its id, code, name and ancestors) is kept PUBLIC_AGENCY_TTL_MS: every
  // online submission would otherwise read it (a recursive query) before its own transaction reads
  // the agency again (issue 12). Only agencies found are kept (an unknown code is looked up each
  // time); a staff route always reads afresh, since its roles depend on the ancestors.
  const publicAgencies = ttlCache<RequestAgency>(1000, PUBLIC_AGENCY_TTL_MS);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith('/api/')) return; // no route: the 404 handler answers
    const code = (request.params as { code?: unknown } | undefined)?.code;
    const agencyCode = url.includes(':code') && typeof code === 'string' ? code : undefined;
    if (isPublicRoute(request.method, url)) {
      if (agencyCode !== undefined)
        request.agency = await publicAgencies.get(agencyCode, () => loadAgency(db, agencyCode));
      return;
    }
    const username = request.identity?.username;
    if (!username) throw new AppError('unauthorized', '请先登录：工作人员操作需要用户身份。');
    const actor = await loadActor(db, username);
    request.actor = actor;
    if (agencyCode !== undefined) {
      const agency = await loadAgency(db, agencyCode);
      request.agency = agency;
      const users = url === USERS_OF_AGENCY || url.startsWith(`${USERS_OF_AGENCY}/`);
      const declared = request.routeOptions.config?.policy;
      const policy = typeof declared === 'string' ? declared : undefined;
      const supervisor = supervises(actor, agency);
      // 年报体检: a supervisor over the agency keeps and reads batches there, a platform administrator reads them
      const checks = url.startsWith(REPORT_CHECKS_OF_AGENCY);
      const admitted =
        worksIn(actor, agency) ||
        (users && actor.platformAdmin) ||
        (checks && (supervisor || (request.method === 'GET' && readsReportChecksOf(actor, agency)))) ||
        (supervisor && supervisorMayRead(request.method, url, policy)) ||
        (policy === 'supervisor' && (supervisor || actor.platformAdmin));
      if (!admitted)
        throw new AppError(
          'forbidden',
          agency.retiredOn === null
            ? '您在该机关没有角色，无权办理该机关的事务；如需办理，请联系该机关的机关管理员。'
            : `${agency.name}已于 ${agency.retiredOn} 撤销，其工作人员的角色不再有效；如需查阅或办理，请联系上级政务公开主管部门或平台管理员。`,
        );
    }
    const platformOnly = PLATFORM_ADMIN_PREFIXES.some((prefix) => url.startsWith(prefix));
    if (platformOnly && !actor.platformAdmin) throw new AppError('forbidden', PLATFORM_ONLY);
  });
}
