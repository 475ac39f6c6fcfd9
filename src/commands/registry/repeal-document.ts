import { findDocument, type RegistryDocument } from '../../db/queries/registry.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { repealRefusal } from '../../domain/registry/lifecycle.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx, type TrxContext } from '../context.ts';
import { parseInput, type RepealInput, repealBody } from './inputs.ts';
import {
  appendRegistryEvent,
  conflictOr,
  loadDocument,
  requireEditor,
  requireNotFuture,
  type StoredDocument,
} from './registry-store.ts';

/**
 * 废止: the document in force stops being in force on the repeal date, and the repealing document
 * (its 文号 or title) is recorded; table 二 (一) counts it under 本年废止件数 of that year. Repealing
 * twice, or a version already superseded by an amendment, is refused.
 */
export async function repealDocument(
  ctx: CommandContext,
  input: { agencyId: number; documentId: number; repeal: RepealInput },
): Promise<RegistryDocument> {
  const { db } = ctx;
  const { agencyId, documentId } = input;
  requireEditor(ctx.actor);
  const body = parseInput(repealBody, input.repeal);
  try {
    return await inTransaction(db, async (trx) => {
      const doc = await loadDocument(trx, agencyId, documentId);
      await applyRepeal(inTrx(ctx, trx), { doc, repeal: body });
      const repealed = await findDocument(withinTransaction(db, trx), agencyId, documentId);
      if (!repealed) throw new Error('repealed document not found');
      return repealed;
    });
  } catch (error) {
    return conflictOr(error);
  }
}

/** The repeal itself, inside the caller's transaction (the review pass uses it too). */
export async function applyRepeal(
  ctx: TrxContext,
  input: { doc: StoredDocument; repeal: RepealInput },
): Promise<void> {
  const { trx } = ctx;
  const { doc, repeal: body } = input;
  requireNotFuture('废止日期', 'repealedOn', body.repealedOn, ctx.clock.today());
  const refused = repealRefusal(doc, body.repealedOn);
  if (refused) throw new AppError('invalid_state', refused);
  const updated = await trx
    .updateTable('normative_documents')
    .set({ status: 'repealed', repealed_on: body.repealedOn, repealed_by: body.repealedBy })
    .where('id', '=', doc.id)
    .where('status', '=', 'in_force')
    .where('repealed_on', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', '该文件刚被其他人变更，请刷新后重试。');
  await appendRegistryEvent(ctx, {
    agencyId: doc.agencyId,
    documentId: doc.id,
    type: 'registry.repealed',
    data: { statusBefore: 'in_force', statusAfter: 'repealed', input: body },
  });
}
