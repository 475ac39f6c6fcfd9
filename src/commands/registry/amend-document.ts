import type { RegistryDocument } from '../../db/queries/registry.ts';
import { amendRefusal } from '../../domain/registry/lifecycle.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Trx, TrxContext } from '../context.ts';
import { type AmendInput, amendBody, parseInput } from './inputs.ts';
import {
  appendRegistryEvent,
  changeDocument,
  endInForce,
  requireEditor,
  requireFreeNumber,
  requireItem,
  requireNotFuture,
  type StoredDocument,
} from './registry-store.ts';

/**
 * 修改: a new version of a document in force, linked to the one it amends; the amended version
 * stops being in force the day the new one is issued. Table 二 (一) counts the new version under
 * 本年制发件数 and the amended one under 本年废止件数 (re-issued with “原文件同时废止”), so 现行有效件数
 * is unchanged and R8 holds (see docs/registry.md). Amending a repealed or superseded version is
 * refused.
 */
export async function amendDocument(
  ctx: CommandContext,
  input: { agencyId: number; documentId: number; amendment: AmendInput },
): Promise<RegistryDocument> {
  requireEditor(ctx.actor);
  const body = parseInput(amendBody, input.amendment);
  return changeDocument(ctx, input, (trxCtx, old) => applyAmendment(trxCtx, { old, amendment: body }));
}

/** The amendment itself, inside the caller's transaction (the review pass uses it too); the new id. */
export async function applyAmendment(
  ctx: TrxContext,
  input: { old: StoredDocument; amendment: AmendInput },
): Promise<number> {
  const { trx } = ctx;
  const { old, amendment: body } = input;
  requireNotFuture('新版本制发日期', 'issuedOn', body.issuedOn, ctx.clock.today());
  const refused = amendRefusal(old, body.issuedOn);
  if (refused) throw new AppError('invalid_state', refused);
  const docNumber = body.docNumber ?? old.docNumber;
  await requireFreeNumber(trx, old.agencyId, docNumber, await versionIds(trx, old.id));
  await requireItem(trx, old.agencyId, body.itemId);
  const inserted = await trx
    .insertInto('normative_documents')
    .values({
      agency_id: old.agencyId,
      kind: old.kind,
      doc_number: docNumber,
      title: body.title ?? old.title,
      issuer: body.issuer ?? old.issuer,
      issued_on: body.issuedOn,
      repealed_on: null,
      status: 'in_force',
      version: old.version + 1,
      supersedes_id: old.id,
      item_id: body.itemId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await endInForce(trx, old.id, { status: 'amended', repealed_on: body.issuedOn });
  await appendRegistryEvent(ctx, {
    agencyId: old.agencyId,
    documentId: old.id,
    type: 'registry.superseded',
    data: { statusBefore: 'in_force', statusAfter: 'amended', supersededBy: inserted.id, on: body.issuedOn },
  });
  await appendRegistryEvent(ctx, {
    agencyId: old.agencyId,
    documentId: inserted.id,
    type: 'registry.amended',
    data: {
      statusBefore: null,
      statusAfter: 'in_force',
      supersedes: old.id,
      version: old.version + 1,
      input: body,
    },
  });
  return inserted.id;
}

/** The ids of a version and every version before it (they may share the 文号). */
async function versionIds(trx: Trx, id: number): Promise<number[]> {
  const ids: number[] = [];
  for (let next: number | null = id; next !== null; ) {
    ids.push(next);
    const row = await trx
      .selectFrom('normative_documents')
      .select('supersedes_id')
      .where('id', '=', next)
      .executeTakeFirst();
    next = row?.supersedes_id ?? null;
  }
  return ids;
}
