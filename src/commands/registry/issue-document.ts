import { findDocument, type RegistryDocument } from '../../db/queries/registry.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { type CommandContext, inTrx } from '../context.ts';
import { type IssueInput, issueBody, parseInput } from './inputs.ts';
import {
  appendRegistryEvent,
  conflictOr,
  requireEditor,
  requireFreeNumber,
  requireItem,
  requireNotFuture,
} from './registry-store.ts';

/**
 * 制发: enters a newly issued 规章 or 行政规范性文件 in the registry, in force from its issue date
 * (table 二 (一) counts it under 本年制发件数 of that year), with an event. A 文号 already registered
 * is refused: a new version of a registered document is an amendment.
 */
export async function issueDocument(
  ctx: CommandContext,
  input: { agencyId: number; document: IssueInput },
): Promise<RegistryDocument> {
  const { db, actor } = ctx;
  const { agencyId } = input;
  requireEditor(actor);
  const body = parseInput(issueBody, input.document);
  requireNotFuture('制发日期', 'issuedOn', body.issuedOn, ctx.clock.today());
  try {
    return await inTransaction(db, async (trx) => {
      await requireFreeNumber(trx, agencyId, body.docNumber);
      await requireItem(trx, agencyId, body.itemId);
      const inserted = await trx
        .insertInto('normative_documents')
        .values({
          agency_id: agencyId,
          kind: body.kind,
          doc_number: body.docNumber,
          title: body.title,
          issuer: body.issuer,
          issued_on: body.issuedOn,
          repealed_on: null,
          status: 'in_force',
          version: 1,
          item_id: body.itemId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendRegistryEvent(inTrx(ctx, trx), {
        agencyId,
        documentId: inserted.id,
        type: 'registry.issued',
        data: { statusBefore: null, statusAfter: 'in_force', input: body },
      });
      const issued = await findDocument(withinTransaction(db, trx), agencyId, inserted.id);
      if (!issued) throw new Error('issued document not found');
      return issued;
    });
  } catch (error) {
    return conflictOr(error);
  }
}
