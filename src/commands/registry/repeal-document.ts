import type { RegistryDocument } from '../../db/queries/registry.ts';
import { repealRefusal } from '../../domain/registry/lifecycle.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, TrxContext } from '../context.ts';
import { parseInput, type RepealInput, repealBody } from './inputs.ts';
import {
  appendRegistryEvent,
  changeDocument,
  endInForce,
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
  requireEditor(ctx.actor);
  const body = parseInput(repealBody, input.repeal);
  return changeDocument(ctx, input, async (trxCtx, doc) => {
    await applyRepeal(trxCtx, { doc, repeal: body });
    return doc.id;
  });
}

/** The repeal itself, inside the caller's transaction (the review pass uses it too). */
export async function applyRepeal(
  ctx: TrxContext,
  input: { doc: StoredDocument; repeal: RepealInput },
): Promise<void> {
  const { doc, repeal: body } = input;
  requireNotFuture('废止日期', 'repealedOn', body.repealedOn, ctx.clock.today());
  const refused = repealRefusal(doc, body.repealedOn);
  if (refused) throw new AppError('invalid_state', refused);
  await endInForce(ctx.trx, doc.id, {
    status: 'repealed',
    repealed_on: body.repealedOn,
    repealed_by: body.repealedBy,
  });
  await appendRegistryEvent(ctx, {
    agencyId: doc.agencyId,
    documentId: doc.id,
    type: 'registry.repealed',
    data: { statusBefore: 'in_force', statusAfter: 'repealed', input: body },
  });
}
