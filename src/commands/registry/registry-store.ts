/** What the registry commands share: loading a version for a change, the event of a change, checks. */

import type { Updateable } from 'kysely';
import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import { findDocument, type RegistryDocument } from '../../db/queries/registry.ts';
import type { NormativeDocumentTable } from '../../db/schema.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { type DocumentState, effectiveStatus } from '../../domain/registry/lifecycle.ts';
import { canEditRegistry, REGISTRY_POLICY } from '../../domain/registry/policy.ts';
import { AppError } from '../../errors.ts';
import { type Actor, type CommandContext, inTrx, type Trx, type TrxContext } from '../context.ts';

/** A stored version, as the commands change it. */
export interface StoredDocument extends DocumentState {
  id: number;
  agencyId: number;
  kind: string;
  title: string;
  issuer: string;
  version: number;
  itemId: number | null;
}

/** Only the agency's disclosure staff change the registry. */
export function requireEditor(actor: Actor): void {
  if (!canEditRegistry(actor.roles))
    throw new AppError('forbidden', roleRefusal('变更规范性文件登记', rolesNeeded(REGISTRY_POLICY, 'edit')));
}

/** A day of a change: not after today. `field` is the input's key (the console puts the message on it). */
export function requireNotFuture(label: string, field: string, day: string, today: string): void {
  if (day <= today) return;
  const message = `${label} ${field}（${day}）不能晚于今天（${today}）。`;
  throw new AppError('validation', message, [{ field, message: `${label}不能晚于今天（${today}）` }]);
}

/** A version of the agency's registry, or not_found (another agency's document is not found either). */
export async function loadDocument(trx: Trx, agencyId: number, id: number): Promise<StoredDocument> {
  const row = await trx
    .selectFrom('normative_documents')
    .select(['id', 'agency_id', 'kind', 'doc_number', 'title', 'issuer', 'issued_on', 'repealed_on'])
    .select(['status', 'version', 'item_id'])
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到编号为 ${id} 的规范性文件。`);
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind,
    docNumber: row.doc_number,
    title: row.title,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    repealedOn: row.repealed_on,
    status: effectiveStatus(row.status, row.repealed_on),
    version: row.version,
    itemId: row.item_id,
  };
}

/**
 * A change to a version of the agency's registry (its editor checked first), in one transaction: `apply` changes
 * it and returns the id of the version to answer with (the new one of an amendment).
 */
export async function changeDocument(
  ctx: CommandContext,
  target: { agencyId: number; documentId: number },
  apply: (ctx: TrxContext, doc: StoredDocument) => Promise<number>,
): Promise<RegistryDocument> {
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const doc = await loadDocument(trx, target.agencyId, target.documentId);
      const id = await apply(inTrx(ctx, trx), doc);
      const changed = await findDocument(withinTransaction(ctx.db, trx), target.agencyId, id);
      if (!changed) throw new Error('changed document not found');
      return changed;
    });
  } catch (error) {
    return conflictOr(error);
  }
}

/** Ends a version in force (amended, repealed): 409 when someone else ended it first. */
export async function endInForce(
  trx: Trx,
  id: number,
  set: Updateable<NormativeDocumentTable> & { repealed_on: string },
): Promise<void> {
  const updated = await trx
    .updateTable('normative_documents')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'in_force')
    .where('repealed_on', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', '该文件刚被其他人变更，请刷新后重试。');
}

/** A 文号 is one document's: refused when another document of the agency (any version) already has it. */
export async function requireFreeNumber(
  trx: Trx,
  agencyId: number,
  docNumber: string,
  exceptIds: readonly number[] = [],
): Promise<void> {
  let query = trx
    .selectFrom('normative_documents')
    .select(['id', 'title'])
    .where('agency_id', '=', agencyId)
    .where('doc_number', '=', docNumber);
  if (exceptIds.length > 0) query = query.where('id', 'not in', [...exceptIds]);
  const taken = await query.executeTakeFirst();
  if (taken)
    throw new AppError(
      'conflict',
      `文号 ${docNumber} 已登记（编号 ${taken.id}：${taken.title}），请核对文号；修改已登记的文件请用“修改”。`,
      [{ field: 'docNumber', message: `文号 ${docNumber} 已登记给另一件文件（编号 ${taken.id}），请核对` }],
    );
}

/** The item carrying the text must be one of the agency's items. */
export async function requireItem(
  trx: Trx,
  agencyId: number,
  itemId: number | null | undefined,
): Promise<void> {
  if (itemId === null || itemId === undefined) return;
  const item = await trx
    .selectFrom('items')
    .select('id')
    .where('id', '=', itemId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!item) throw new AppError('validation', `itemId：未找到本机关编号为 ${itemId} 的公开信息，请核对。`);
}

export interface RegistryEventInput {
  agencyId: number;
  documentId: number;
  /** registry.issued | registry.amended | registry.superseded | registry.repealed | registry.reviewed */
  type: string;
  /** what changed: status before → after, the input */
  data: Record<string, unknown>;
}

/** Appends the event of a change to a document (the context's actor, now, what) to the event log. */
export async function appendRegistryEvent(ctx: TrxContext, event: RegistryEventInput): Promise<number> {
  return appendEvent(ctx.trx, {
    name: event.type,
    subject: { type: 'normative_document', id: event.documentId },
    agency: event.agencyId,
    actor: ctx.actor.username,
    at: ctx.clock.now(),
    data: event.data,
  });
}

/** Maps a write conflict (unique index, deadlock, serialization failure) to this store’s 409; rethrows anything else. */
export function conflictOr(error: unknown): never {
  return rethrowConflict(error, '该文件刚被其他人变更（或已有同一决定），请刷新后重试。');
}
