/**
 * What the agency-tree commands share (create, rename, move, retire, reactivate, import): only a
 * platform administrator changes the tree; the tree's writers take turns (a move checked against
 * a tree another move is changing could close a loop); a refusal names the field in Chinese; each
 * change is one `agencies.…` event whose subject is the agency (by code, which never changes).
 */
import { sql } from 'kysely';
import type { Dialect } from '../../db/connection.ts';
import { appendEvent } from '../../db/events.ts';
import { type AgencyTreeRow, agencyTreeRows } from '../../db/queries/agency-tree.ts';
import type { AgencyActor } from '../../domain/accounts/actor.ts';
import { PLATFORM_ONLY } from '../../domain/policies.ts';
import { AppError } from '../../errors.ts';
import type { Trx } from '../context.ts';

/** Who may change the tree: a platform administrator (the command line acts as one). */
export type TreeActor = Pick<AgencyActor, 'username' | 'platformAdmin'>;

/** Refuses anyone but a platform administrator (403). */
export function assertTreeAdmin(actor: TreeActor): void {
  if (!actor.platformAdmin) throw new AppError('forbidden', PLATFORM_ONLY);
}

/** A refusal of one field (400 validation): the message says what to do. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('validation', message, [{ field, message }]);
}

/**
 * The tree as it stands, read after taking the tree's turn: on PostgreSQL a transaction-scoped
 * advisory lock (SQLite's writers already take turns: BEGIN IMMEDIATE).
 */
export async function lockedTree(trx: Trx, dialect: Dialect): Promise<AgencyTreeRow[]> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext('gongkai.agency_tree'))`.execute(trx);
  return agencyTreeRows(trx);
}

/** The agency of a code in the rows; 404 when there is none. */
export function agencyIn(rows: readonly AgencyTreeRow[], code: string): AgencyTreeRow {
  const found = rows.find((r) => r.code === code);
  if (!found) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return found;
}

/** Appends the agency's event, the agency as its subject. */
export async function recordAgencyEvent(
  trx: Trx,
  event: {
    name: AgencyEventName;
    agency: { id: number; code: string };
    actor: string;
    at: Date;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await appendEvent(trx, {
    name: event.name,
    subject: { type: 'agency', id: event.agency.code },
    agency: event.agency.id,
    actor: event.actor,
    at: event.at,
    data: event.data,
  });
}

/** The events of one agency's change (labels in domain/events/names.ts). */
export type AgencyEventName =
  | 'agencies.created'
  | 'agencies.renamed'
  | 'agencies.moved'
  | 'agencies.retired'
  | 'agencies.reactivated';
