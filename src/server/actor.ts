/**
 * Who is acting and in which agency, resolved once per request by the gate (access.ts):
 * `request.actor` (the signed-in user with their scopes; null for an anonymous caller) and, on a
 * route with `:code`, `request.agency`. Handlers read them (`actorOf`, `agencyOf`) and ask the
 * domain's policy tables what the actor may do. A disabled user holds no scope.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor as CommandActor } from '../commands/requests/case-store.ts';
import type { Db } from '../db/connection.ts';
import {
  type Actor,
  type AgencyActor,
  type AgencyNode,
  actorIn,
  isScopeRole,
  type Scope,
  scopeOf,
} from '../domain/accounts/actor.ts';
import { AppError } from './errors.ts';

export { USER_HEADER } from './identity.ts';

/** The agency of a route's `:code`, with its ancestors (for subtree scopes). */
export interface RequestAgency extends AgencyNode {
  code: string;
  name: string;
  parentId: number | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in user with their scopes (null: anonymous, or a route outside the API) */
    actor: Actor | null;
    /** the agency of the route's `:code` (null on routes without one) */
    agency: RequestAgency | null;
  }
}

/** Declares `request.actor` and `request.agency` (set by the gate). */
export function decorateActor(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('agency', null);
}

/** The user of a username with every scope they hold: one query (none when unknown or disabled). */
export async function loadActor(db: Db, username: string): Promise<Actor> {
  const rows = await db.kysely
    .selectFrom('users')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.platform_admin', 'user_roles.agency_id', 'user_roles.role'])
    .where('users.username', '=', username)
    .where('users.disabled', '=', 0)
    .execute();
  const scopes: Scope[] = [];
  for (const row of rows)
    if (row.agency_id !== null && row.role !== null && isScopeRole(row.role))
      scopes.push(scopeOf(row.agency_id, row.role));
  return { username, platformAdmin: rows.some((r) => r.platform_admin === 1), scopes };
}

/** The agency of a code with its ancestors' ids (parent first), in one query; 404 when unknown. */
export async function loadAgency(db: Db, code: string): Promise<RequestAgency> {
  const rows = await db.kysely
    .withRecursive('chain(id, code, name, parent_id, depth)', (qb) =>
      qb
        .selectFrom('agencies')
        .select(['id', 'code', 'name', 'parent_id', (eb) => eb.lit(0).as('depth')])
        .where('code', '=', code)
        .unionAll((union) =>
          union
            .selectFrom('agencies')
            .innerJoin('chain', 'chain.parent_id', 'agencies.id')
            .select([
              'agencies.id',
              'agencies.code',
              'agencies.name',
              'agencies.parent_id',
              (eb) => eb(eb.ref('chain.depth'), '+', 1).as('depth'),
            ])
            .where('chain.depth', '<', 32),
        ),
    )
    .selectFrom('chain')
    .selectAll()
    .orderBy('depth')
    .execute();
  const own = rows[0];
  if (!own) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return {
    id: Number(own.id),
    code: own.code,
    name: own.name,
    parentId: own.parent_id === null ? null : Number(own.parent_id),
    ancestorIds: rows.slice(1).map((r) => Number(r.id)),
  };
}

/** The signed-in actor; 401 when nobody is signed in. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized', '请先登录：工作人员操作需要用户身份。');
  return request.actor;
}

/** The route's agency (routes with `:code`; the gate answered 404 for an unknown one). */
export function agencyOf(request: FastifyRequest): RequestAgency {
  if (!request.agency) throw new AppError('not_found', '未找到该机关');
  return request.agency;
}

/** The signed-in actor as seen in the route's agency (what commands are given). */
export function agencyActorOf(request: FastifyRequest): AgencyActor {
  return actorIn(actorOf(request), agencyOf(request));
}

/** The caller's username; 401 when nobody is signed in. */
export function signedInUsername(request: FastifyRequest): string {
  const username = request.identity?.username;
  if (!username) throw new AppError('unauthorized', '请先登录：工作人员操作需要用户身份。');
  return username;
}

/** The acting user and their roles in the agency; 401 without a user, 403 without a role there. */
export async function resolveActor(db: Db, request: FastifyRequest, agencyId: number): Promise<CommandActor> {
  const username = signedInUsername(request);
  const rows = await db.kysely
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.username', 'user_roles.role'])
    .where('users.username', '=', username)
    .where('users.disabled', '=', 0)
    .where('user_roles.agency_id', '=', agencyId)
    .execute();
  if (rows.length === 0) throw new AppError('forbidden', `用户 ${username} 无权办理该机关的事务。`);
  return { username, roles: rows.map((r) => r.role) };
}

/** The agency of a code, or not_found. */
export async function agencyIdOf(db: Db, code: string): Promise<number> {
  const row = await db.kysely.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return row.id;
}
