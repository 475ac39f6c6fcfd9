/**
 * The actor and the agency as the database holds them: a user with every scope (user_roles rows;
 * none when unknown or disabled), and an agency with its ancestors (agencies.parent_id). The route
 * gate (src/server/access.ts) and the CLI resolve who acts through these.
 */
import type { Db } from '../db/connection.ts';
import { type Actor, type AgencyNode, isScopeRole, type Scope, scopeOf } from '../domain/accounts/actor.ts';
import { AppError } from '../errors.ts';

/** The agency of a route's `:code`, with its ancestors (for subtree scopes). */
export interface RequestAgency extends AgencyNode {
  code: string;
  name: string;
  parentId: number | null;
  /** the day it was retired (撤销/合并), null while active: its staff's roles there no longer count */
  retiredOn: string | null;
}

/**
 * The user of a username with every scope they hold: one query (none when unknown or disabled).
 * Roles in a retired agency (撤销/合并) give no scope: its staff leave it as they leave its choices in
 * the console; a restore gives the roles back.
 */
export async function loadActor(db: Db, username: string): Promise<Actor> {
  const rows = await db.kysely
    .selectFrom('users')
    .leftJoin('user_roles', (join) =>
      join
        .onRef('user_roles.user_id', '=', 'users.id')
        .on('user_roles.agency_id', 'in', (eb) =>
          eb.selectFrom('agencies').select('agencies.id').where('agencies.retired_on', 'is', null),
        ),
    )
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
    .withRecursive('chain(id, code, name, parent_id, retired_on, depth)', (qb) =>
      qb
        .selectFrom('agencies')
        .select(['id', 'code', 'name', 'parent_id', 'retired_on', (eb) => eb.lit(0).as('depth')])
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
              'agencies.retired_on',
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
    retiredOn: own.retired_on,
    ancestorIds: rows.slice(1).map((r) => Number(r.id)),
  };
}

/** The id of an agency's code; 404 (not_found) when there is none. */
export async function agencyIdByCode(db: Db, code: string): Promise<number> {
  const row = await db.kysely.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return row.id;
}
