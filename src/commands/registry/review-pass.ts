import { inTransaction } from '../../db/transaction.ts';
import { type ReviewDecision, reviewRefusal } from '../../domain/registry/lifecycle.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx, type TrxContext } from '../context.ts';
import { applyAmendment } from './amend-document.ts';
import { type ParsedReviewDecision as Decision, parseInput, type ReviewInput, reviewBody } from './inputs.ts';
import {
  appendRegistryEvent,
  conflictOr,
  loadDocument,
  requireEditor,
  requireNotFuture,
} from './registry-store.ts';
import { applyRepeal } from './repeal-document.ts';

export interface RecordedDecision {
  reviewId: number;
  documentId: number;
  decision: ReviewDecision;
  /** the new version an `amended` decision produced */
  resultDocumentId: number | null;
}

/**
 * 清理: records decisions of a year's review pass, one per document in force on the review day —
 * 保留 (kept), 修改 (amended) or 废止 (repealed) — all or nothing. A decision to amend or repeal
 * carries the new version or the repealing document and carries it out in the same transaction
 * (so the registry never says “decided to repeal” about a document still in force); a document
 * already reviewed in that year's pass, or not in force, is refused. See docs/registry.md.
 */
export async function reviewPass(
  ctx: CommandContext,
  input: { agencyId: number; year: number; review: ReviewInput },
): Promise<RecordedDecision[]> {
  const { agencyId, year } = input;
  requireEditor(ctx.actor);
  if (!Number.isInteger(year) || year < 1990 || year > 2999)
    throw new AppError('validation', '清理年度应为四位年份，如 2021。');
  const body = parseInput(reviewBody, input.review);
  requireNotFuture('清理日期', 'reviewedOn', body.reviewedOn, ctx.clock.today());
  const ids = body.decisions.map((d) => d.documentId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined)
    throw new AppError('validation', `文件 ${repeated} 在本次清理中出现了两次，每件文件只作一个决定。`);
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const step = inTrx(ctx, trx);
      const recorded: RecordedDecision[] = [];
      for (const [index, decision] of body.decisions.entries()) {
        try {
          const where = { agencyId, year, reviewedOn: body.reviewedOn };
          recorded.push(await recordDecision(step, { ...where, decision }));
        } catch (error) {
          if (error instanceof AppError)
            throw new AppError(
              error.code,
              `第 ${index + 1} 项（文件 ${decision.documentId}）：${error.message}`,
              error.details,
            );
          throw error;
        }
      }
      return recorded;
    });
  } catch (error) {
    return conflictOr(error);
  }
}

async function recordDecision(
  ctx: TrxContext,
  input: { agencyId: number; year: number; reviewedOn: string; decision: Decision },
): Promise<RecordedDecision> {
  const { trx, actor } = ctx;
  const { agencyId, year, reviewedOn, decision } = input;
  const now = ctx.clock.now();
  const doc = await loadDocument(trx, agencyId, decision.documentId);
  const refused = reviewRefusal(doc, reviewedOn, year);
  if (refused) throw new AppError('invalid_state', refused);
  const earlier = await trx
    .selectFrom('registry_reviews')
    .select(['decision', 'reviewed_on'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('document_id', '=', doc.id)
    .executeTakeFirst();
  if (earlier)
    throw new AppError(
      'conflict',
      `该文件在 ${year} 年度清理中已于 ${earlier.reviewed_on} 作出决定，不能重复清理。`,
    );
  const resultDocumentId = await carryOut(ctx, { decision, reviewedOn, doc });
  const inserted = await trx
    .insertInto('registry_reviews')
    .values({
      agency_id: agencyId,
      year,
      document_id: doc.id,
      decision: decision.decision,
      note: decision.note,
      reviewed_on: reviewedOn,
      result_document_id: resultDocumentId,
      actor: actor.username,
      recorded_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendRegistryEvent(ctx, {
    agencyId,
    documentId: doc.id,
    type: 'registry.reviewed',
    data: { year, reviewedOn, decision: decision.decision, note: decision.note, resultDocumentId },
  });
  return { reviewId: inserted.id, documentId: doc.id, decision: decision.decision, resultDocumentId };
}

/** An amend or repeal decision is carried out now, on or after the review day; a kept one changes nothing. */
async function carryOut(
  ctx: TrxContext,
  input: { decision: Decision; reviewedOn: string; doc: Awaited<ReturnType<typeof loadDocument>> },
): Promise<number | null> {
  const { decision, reviewedOn, doc } = input;
  const { amendment, repeal } = decision;
  if (decision.decision === 'kept') {
    if (amendment || repeal) throw new AppError('validation', '“保留”的决定不应附 amendment 或 repeal。');
    return null;
  }
  if (decision.decision === 'amended') {
    if (!amendment || repeal)
      throw new AppError(
        'validation',
        '“修改”的决定须附 amendment（新版本的文号、标题、制发日期），不附 repeal。',
      );
    const issuedOn = amendment.issuedOn ?? reviewedOn;
    if (issuedOn < reviewedOn)
      throw new AppError('validation', `新版本制发日期 ${issuedOn} 早于清理日期 ${reviewedOn}。`);
    return applyAmendment(ctx, { old: doc, amendment: { ...amendment, issuedOn } });
  }
  if (!repeal || amendment)
    throw new AppError(
      'validation',
      '“废止”的决定须附 repeal（废止依据的文件 repealedBy），不附 amendment。',
    );
  const repealedOn = repeal.repealedOn ?? reviewedOn;
  if (repealedOn < reviewedOn)
    throw new AppError('validation', `废止日期 ${repealedOn} 早于清理日期 ${reviewedOn}。`);
  await applyRepeal(ctx, { doc, repeal: { repealedBy: repeal.repealedBy, repealedOn } });
  return null;
}
