/**
 * Authorization before anything else runs (secure by default): every route is staff-only unless
 * it is listed in PUBLIC_ROUTES with the reason it may be public. A staff route needs a signed-in
 * caller (else 401); a route of an agency (`:code` in the path) needs a role in that agency (else
 * 403) — or, for that agency's user administration, a platform administrator; the
 * installation's users and calendar changes need a platform administrator. Handlers then check
 * the specific role (operator, approver, …). test/authorization.test.ts calls every route as a
 * user of another agency and as nobody.
 */

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPlatformAdmin } from '../commands/calendar/platform-admin.ts';
import type { Db } from '../db/connection.ts';
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

const USERS_OF_AGENCY = '/api/v1/agencies/:code/users';
/** Installation-level routes only a platform administrator may call (users, calendar changes). */
export const PLATFORM_ADMIN_PREFIXES = ['/api/v1/users', '/api/v1/calendar/'] as const;

async function checkAgencyAccess(db: Db, request: FastifyRequest, username: string, code: string) {
  const rows = await db.kysely
    .selectFrom('agencies')
    .leftJoin('user_roles', 'user_roles.agency_id', 'agencies.id')
    .leftJoin('users', (join) =>
      join
        .onRef('users.id', '=', 'user_roles.user_id')
        .on('users.username', '=', username)
        .on('users.disabled', '=', 0),
    )
    .select(['agencies.id', 'users.id as userId'])
    .where('agencies.code', '=', code)
    .execute();
  if (rows.length === 0) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  if (rows.some((r) => r.userId !== null)) return;
  const url = request.routeOptions.url ?? '';
  const users = url === USERS_OF_AGENCY || url.startsWith(`${USERS_OF_AGENCY}/`);
  if (users && (await isPlatformAdmin(db, username))) return;
  throw new AppError('forbidden', `用户 ${username} 无权办理该机关的事务。`);
}

/** Installs the gate (after identity.ts's hook, so `request.identity` is known). */
export function registerAccessGate(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const url = request.routeOptions.url;
    if (url === undefined || isPublicRoute(request.method, url)) return; // no route: the 404 handler answers
    const username = request.identity?.username;
    if (!username) throw new AppError('unauthorized', '请先登录：工作人员操作需要用户身份。');
    const code = (request.params as { code?: unknown } | undefined)?.code;
    if (url.includes(':code') && typeof code === 'string')
      await checkAgencyAccess(db, request, username, code);
    const platformOnly = PLATFORM_ADMIN_PREFIXES.some((prefix) => url.startsWith(prefix));
    if (platformOnly && !(await isPlatformAdmin(db, username)))
      throw new AppError('forbidden', `用户 ${username} 不是平台管理员，无权进行该操作。`);
  });
}
